// The node catalogue as data: what the builder's palette shows and what the engine needs to know
// about each type without reading its data (docs/flow-engine.md).
import type { NodeType } from './node-types.ts';

export { NODE_TYPES, isNodeType, type NodeData, type NodeType, type TypedNodeData } from './node-types.ts';
export { nodeOutputs } from './node-outputs.ts';
export { NODE_DATA_SCHEMAS, NODE_DEFAULTS } from './nodes/registry.ts';

export type NodeCategory = 'messages' | 'questions' | 'logic' | 'contacts' | 'integrations' | 'flow' | 'ai';

export type NodeCatalogueEntry = {
  label: string;
  category: NodeCategory;
  description: string;
  /** The session pauses here for the customer (or an agent, or a timer); loops must pass one. */
  waitsForCustomer: boolean;
};

const entry = (label: string, category: NodeCategory, description: string, waitsForCustomer = false) => ({
  label,
  category,
  description,
  waitsForCustomer,
});

export const NODE_CATALOGUE: Record<NodeType, NodeCatalogueEntry> = {
  start: entry('Start', 'flow', 'Where the flow begins when its trigger fires.'),
  send_text: entry('Send text', 'messages', 'Sends a text message.'),
  send_media: entry('Send media', 'messages', 'Sends an image, video, audio, document or sticker.'),
  send_template: entry('Send template', 'messages', 'Sends an approved template (works outside the 24 h window).'),
  buttons: entry('Buttons', 'questions', 'Asks with up to 3 reply buttons and branches on the one tapped.', true),
  list: entry('List', 'questions', 'Asks with a list of up to 10 options and branches on the one chosen.', true),
  ask_question: entry('Ask a question', 'questions', 'Asks for an answer, checks it and saves it in a variable.', true),
  condition: entry('Condition', 'logic', 'Branches on variables, contact fields, tags or the last reply.'),
  set_variable: entry('Set variable', 'logic', 'Sets variables from text and other variables.'),
  update_contact: entry('Update contact', 'contacts', "Writes the contact's name or a custom field."),
  add_tag: entry('Add tag', 'contacts', 'Adds tags to the contact.'),
  remove_tag: entry('Remove tag', 'contacts', 'Removes tags from the contact.'),
  http_request: entry('HTTP request', 'integrations', 'Calls an API and saves parts of the answer.'),
  webhook: entry('Webhook', 'integrations', 'Posts the conversation so far to a URL.'),
  google_sheets: entry('Google Sheets', 'integrations', 'Appends a row to a sheet or looks one up.'),
  data_table_lookup: entry('Data table lookup', 'integrations', 'Finds a row in one of your data tables.'),
  delay: entry('Delay', 'logic', 'Waits for a while before going on.', true),
  business_hours: entry('Business hours', 'logic', 'Branches on whether you are open right now.'),
  ab_split: entry('A/B split', 'logic', 'Sends each customer down one of several paths at random.'),
  jump_to_flow: entry('Jump to flow', 'flow', 'Continues in another flow.'),
  handoff: entry('Hand off to a person', 'flow', 'Assigns the conversation to a team or an agent.', true),
  close_conversation: entry('Close conversation', 'flow', 'Closes the conversation and ends the flow.'),
  ai_intent: entry('Detect intent', 'ai', 'Works out what the customer wants and branches on it.'),
  ai_reply: entry('AI reply', 'ai', 'Answers from your knowledge text.'),
  end: entry('End', 'flow', 'Ends the flow.'),
};

/** Whether the session pauses at this node type (a loop without one would spin forever). */
export function waitsForCustomer(type: NodeType): boolean {
  return NODE_CATALOGUE[type].waitsForCustomer;
}
