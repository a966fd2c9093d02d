import { subscribeAdjustmentsToComplaintEvents } from '../modules/adjustments/index.ts';
import { type ComplaintEventBus, complaintEvents } from '../modules/complaints/index.ts';
import {
  subscribeIntegrationsToComplaintEvents,
  subscribeIntegrationsToPortalEvents,
} from '../modules/integrations/index.ts';
import { subscribeLearningToPrivacyEvents } from '../modules/learning/index.ts';
import {
  type MessageEventBus,
  messageEvents,
  subscribeMessagesToComplaintEvents,
  subscribeMessagesToPortalEvents,
} from '../modules/messages/index.ts';
import {
  subscribeNotificationsToComplaintEvents,
  subscribeNotificationsToMessageEvents,
  subscribeNotificationsToPortalEvents,
} from '../modules/notifications/index.ts';
import { type PortalEventBus, portalEvents } from '../modules/portal/index.ts';
import { type PrivacyEventBus, privacyEvents } from '../modules/privacy/index.ts';

// The composition root of the events between modules (decision 029): who listens to what, in delivery order.
// Every entry point that can publish calls this first (buildApp, the job runner, an outbox worker process);
// until then the buses refuse to publish, so no path can silently drop a mail or an integration event.

export type Buses = {
  complaints: ComplaintEventBus;
  portal: PortalEventBus;
  messages: MessageEventBus;
  privacy: PrivacyEventBus;
};

const APPLICATION_BUSES: Buses = {
  complaints: complaintEvents,
  portal: portalEvents,
  messages: messageEvents,
  privacy: privacyEvents,
};

/** Subscribes messages, integrations, notifications and learning; once per bus (a second call changes nothing). */
export function registerSubscribers(buses: Buses = APPLICATION_BUSES): void {
  if (!buses.complaints.registered) {
    // adjustments asked at intake are stored before messages queues the acknowledgement (decision 052)
    subscribeAdjustmentsToComplaintEvents(buses.complaints);
    subscribeIntegrationsToComplaintEvents(buses.complaints);
    subscribeMessagesToComplaintEvents(buses.complaints);
    subscribeNotificationsToComplaintEvents(buses.complaints);
    buses.complaints.markRegistered();
  }
  if (!buses.portal.registered) {
    subscribeMessagesToPortalEvents(buses.portal);
    subscribeIntegrationsToPortalEvents(buses.portal);
    subscribeNotificationsToPortalEvents(buses.portal);
    buses.portal.markRegistered();
  }
  if (!buses.messages.registered) {
    subscribeNotificationsToMessageEvents(buses.messages);
    buses.messages.markRegistered();
  }
  if (!buses.privacy.registered) {
    subscribeLearningToPrivacyEvents(buses.privacy);
    buses.privacy.markRegistered();
  }
}
