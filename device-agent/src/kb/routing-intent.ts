// The intent name the hub's routing table uses for a knowledge topic. The routing rules speak of
// complaint, fraud, card_stolen, dispute, opening_hours, branch_info and exchange_rate; every other
// topic is named by its article id, which operators can use in their own rules. Pure.

const ROUTING_NAME: Record<string, string> = {
  complaints: 'complaint',
  'fraud-scam-warning': 'fraud',
  'card-lost-stolen': 'card_stolen',
  'wrong-transfer': 'dispute',
  'branch-opening-hours': 'opening_hours',
  'branch-facilities': 'branch_info',
  'queue-number': 'branch_info',
  'foreign-exchange': 'exchange_rate',
};

export function routingIntent(topic: string): string {
  return ROUTING_NAME[topic] ?? topic;
}
