import { complaintDetail } from '../../../contract/complaints.ts';
import { lettersToPost, progressLetterPosted } from '../../../contract/messages.ts';
import { api } from '../../lib/api-client.ts';

export const fetchLettersToPost = () => api.get('/api/letters/to-post', { schema: lettersToPost });

/** policy 2.5: the day the letter went into the post. A letter recorded twice is refused (409). */
export const markLetterPosted = (complaintId: string, postedOn: string) =>
  api.post(`/api/complaints/${complaintId}/letter-posted`, { postedOn }, { schema: complaintDetail });

/** Issue 21: a progress letter to a complainant without e-mail went into the post on this day. */
export const markProgressLetterPosted = (letterId: string, postedOn: string) =>
  api.post(`/api/letters/${letterId}/posted`, { postedOn }, { schema: progressLetterPosted });
