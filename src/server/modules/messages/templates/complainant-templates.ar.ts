import type { ComplainantTemplates } from './default-templates.ts';

// Issue 21: the mails and letters to a complainant in Arabic (Modern Standard Arabic, short sentences, B1).
// Letters on paper are shaped and set right to left before pdfmake draws them (decision 028, update).
// Same placeholders as the Dutch text; checked by test/messages/template-catalogues.test.ts.

const lines = (...parts: string[]) => parts.join('\n\n');

const GREETING = 'عزيزي/عزيزتي {{recipientName}}،';
const CLOSING = 'مع أطيب التحيات،\n\n{{handlerName}}\n{{organizationName}}';
const SIGNED = 'مع أطيب التحيات،\n\n{{organizationName}}';
const REACH_COMMITTEE = 'هكذا تصل إلى اللجنة:\n{{committeeContact}}';
const ROUTES = lines(
  'هل لا توافق على هذا الرد؟ يمكنك إذن أن تعرض شكواك على {{committeeName}} خلال ستة أسابيع.',
  REACH_COMMITTEE,
  'هل تتعلق شكواك بقيمة الإيجار أو تكاليف الخدمات أو عيوب الصيانة؟ يمكنك إذن أيضًا التوجه إلى لجنة الإيجارات ' +
    '(Huurcommissie، www.huurcommissie.nl).',
);
const RATE =
  'على {{statusLink}} تقرأ هذا الجواب مرة أخرى. وهناك يمكنك أيضًا أن تخبرنا برأيك في طريقة معالجة شكواك.';

export const AR: ComplainantTemplates = {
  acknowledgement: {
    subject: 'لقد استلمنا شكواك ({{reference}})',
    body: lines(
      GREETING,
      'استلمنا شكواك بتاريخ {{receivedDate}}. شكرًا لك على إخبارنا بذلك.',
      'رقم ملف شكواك هو {{reference}}. اذكر هذا الرقم عندما تتواصل معنا. ويمكنك أيضًا الرد على هذه الرسالة.',
      '{{handlerName}} يعالج شكواك. ستحصل على رد منا في موعد أقصاه {{dueDate}}. ' +
        'يمكنك متابعة ما وصلت إليه شكواك على {{statusLink}}.',
      CLOSING,
    ),
  },
  answer: {
    subject: 'ردنا على شكواك ({{reference}})',
    body: lines(GREETING, '{{answerText}}', RATE, ROUTES, CLOSING),
  },
  acknowledgement_without_answer: {
    subject: 'لقد استلمنا رسالتك ({{reference}})',
    body: lines(
      GREETING,
      'استلمنا رسالتك بتاريخ {{receivedDate}}. سجلناها تحت رقم الملف {{reference}}.',
      'أعطيناك من قبل ردنا الأخير في هذا الموضوع. رسالتك لا تحتوي على وقائع جديدة. ' +
        'لذلك يبقى ردنا الأخير ساريًا ولن تحصل منا على جواب جديد.',
      'هل لا توافق على ردنا الأخير؟ يمكنك إذن أن تعرض شكواك على {{committeeName}}.',
      REACH_COMMITTEE,
      'هل لديك وقائع جديدة؟ رد إذن على هذه الرسالة. ترى الوضع الحالي على {{statusLink}}.',
      SIGNED,
    ),
  },
  explanation: {
    subject: 'شكواك لا تدخل ضمن إجراء الشكاوى ({{reference}})',
    body: lines(
      GREETING,
      'نظرنا في بلاغك رقم {{reference}}. لا نستطيع معالجته كشكوى.',
      '{{explanationText}}',
      'هل لديك أسئلة عن هذا القرار؟ رد إذن على هذه الرسالة.',
      CLOSING,
    ),
  },
  referral: {
    subject: 'بلاغك يعالَج في مكان آخر ({{reference}})',
    body: lines(
      GREETING,
      'شكرًا لك على بلاغك رقم {{reference}}. هذا ليس شكوى، بل بلاغ يخص "{{referralTarget}}". ' +
        'لقد حولنا بلاغك إلى هناك.',
      '{{referralDetail}}',
      SIGNED,
    ),
  },
  stand_by_decision: {
    subject: 'ردنا على شكواك: نحن متمسكون بقرارنا ({{reference}})',
    body: lines(
      GREETING,
      'تواصلت معنا مرة أخرى بخصوص هذا الموضوع. نحن نفهم أنك لا توافق على قرارنا. ' +
        'لأنه لا توجد وقائع جديدة، نبقى على قرارنا السابق.',
      '{{answerText}}',
      RATE,
      ROUTES,
      CLOSING,
    ),
  },
  last_response: {
    subject: 'ردنا الأخير في هذا الموضوع ({{reference}})',
    body: lines(
      GREETING,
      '{{answerText}}',
      'هذه آخر مرة نرد فيها على هذا الموضوع. الرسائل الجديدة عنه بدون وقائع جديدة نسجلها، ' +
        'ولكننا لن نرد عليها بعد الآن.',
      RATE,
      ROUTES,
      CLOSING,
    ),
  },
  extension_notice: {
    subject: 'نحتاج إلى وقت أطول لشكواك ({{reference}})',
    body: lines(
      GREETING,
      'نحتاج إلى وقت أطول لكي نعالج شكواك رقم {{reference}} بشكل جيد.',
      '{{extensionText}}',
      'ستحصل على رد منا في موعد أقصاه {{dueDate}}.',
      SIGNED,
    ),
  },
  committee_information: {
    subject: 'لجنة الشكاوى الإقليمية ({{reference}})',
    body: lines(
      GREETING,
      'أخبرتنا أنك غير راضٍ عن ردنا على شكواك رقم {{reference}}. يمكنك أن تعرض شكواك على ' +
        '{{committeeName}}. اللجنة مستقلة وتعطي مجلس إدارتنا نصيحة.',
      REACH_COMMITTEE,
      'هل تتعلق شكواك بقيمة الإيجار أو تكاليف الخدمات أو عيوب الصيانة؟ يمكنك إذن أيضًا التوجه إلى لجنة الإيجارات ' +
        '(Huurcommissie، www.huurcommissie.nl).',
      SIGNED,
    ),
  },
  satisfaction_request: {
    subject: 'كيف عالجنا شكواك؟ ({{reference}})',
    body: lines(
      GREETING,
      'أنهينا معالجة شكواك رقم {{reference}}. نود أن نعرف كيف كانت تجربتك. ' +
        'الإجابة تستغرق دقيقتين: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_in_handling: {
    subject: 'شكواك رقم {{reference}} قيد المعالجة',
    body: lines(
      GREETING,
      '{{handlerName}} يعالج شكواك رقم {{reference}}. ستسمع منا في موعد أقصاه {{dueDate}}. ' +
        'في أغلب الأحيان نتصل بك هاتفيًا لهذا الغرض.',
      'ترى الوضع الحالي هنا أيضًا: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_closed: {
    subject: 'تم إغلاق شكواك رقم {{reference}}',
    body: lines(
      GREETING,
      'أغلقنا شكواك رقم {{reference}}. شكرًا لك على إخبارنا بذلك.',
      'يمكنك أن تقرأ مرة أخرى كيف عالجنا شكواك على {{statusLink}}',
      SIGNED,
    ),
  },
  progress_committee: {
    subject: 'شكواك رقم {{reference}} لدى لجنة الشكاوى',
    body: lines(
      GREETING,
      'عرضت شكواك رقم {{reference}} على لجنة الشكاوى. لقد سجلنا ذلك.',
      'ستتواصل اللجنة معك بنفسها. ونحن نفعل ما تطلبه اللجنة.',
      'ترى الوضع الحالي هنا: {{statusLink}}',
      SIGNED,
    ),
  },
  progress_withdrawn: {
    subject: 'تم سحب شكواك رقم {{reference}}',
    body: lines(
      GREETING,
      'تم سحب شكواك رقم {{reference}}. لذلك لن نعالج هذه الشكوى بعد الآن.',
      'هل هذا غير صحيح؟ رد إذن على هذه الرسالة أو اتصل بنا.',
      SIGNED,
    ),
  },
  progress_reopened: {
    subject: 'نعالج شكواك رقم {{reference}} من جديد',
    body: lines(
      GREETING,
      'نعالج شكواك رقم {{reference}} من جديد. سنخبرك بما سنفعله.',
      'ترى الوضع الحالي هنا: {{statusLink}}',
      SIGNED,
    ),
  },
};
