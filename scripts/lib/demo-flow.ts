// The chatbot the demo workspace starts with, published and switched on: say "hi" on the Sandbox
// phone to meet it. Ten nodes, no outside services: reply buttons, opening hours, a question
// with validation and a hand-off to the team.
import type { FlowDocumentInput } from '#flow-dsl/document';

const at = (x: number, y: number) => ({ x, y });
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

export const DEMO_FLOW_NAME = 'Welcome bot';

export const demoFlowDocument: FlowDocumentInput = {
  schemaVersion: 2,
  name: DEMO_FLOW_NAME,
  description: 'Greets customers who say hi and answers the three questions they ask most.',
  trigger: {
    type: 'keyword',
    keywords: ['hi', 'hello', 'menu'].map((value) => ({ value, match: 'exact' as const })),
    channelIds: [],
    priority: 10,
  },
  variables: [],
  nodes: [
    { id: 'start', type: 'start', position: at(0, 0), data: {} },
    {
      id: 'greet',
      type: 'send_text',
      position: at(340, 0),
      data: { text: 'Hi {{contact.name | "there"}}! 👋 This is the demo bot of your Parley workspace.' },
    },
    {
      id: 'menu',
      type: 'buttons',
      position: at(680, 0),
      data: {
        body: 'What can I do for you?',
        buttons: [
          { id: 'hours', title: 'Opening hours' },
          { id: 'order', title: 'Track an order' },
          { id: 'human', title: 'Talk to a person' },
        ],
        saveAs: 'choice',
      },
    },
    { id: 'open_now', type: 'business_hours', position: at(1020, -160), data: { hours: 'workspace' } },
    {
      id: 'open_msg',
      type: 'send_text',
      position: at(1360, -260),
      data: { text: 'We are open right now: write your question and the team will answer here.' },
    },
    {
      id: 'closed_msg',
      type: 'send_text',
      position: at(1360, -100),
      data: { text: 'We are closed right now. We open Monday to Friday, 9:00 to 17:00, and answer then.' },
    },
    {
      id: 'ask_order',
      type: 'ask_question',
      position: at(1020, 60),
      data: {
        prompt: 'What is your order number?',
        inputType: 'number',
        saveAs: 'order_number',
        validation: { min: 1 },
        retryPrompt: 'An order number is digits only, like 1042. What is yours?',
        maxAttempts: 2,
        timeoutSeconds: 600,
      },
    },
    {
      id: 'order_status',
      type: 'send_text',
      position: at(1360, 60),
      data: { text: 'Order #{{vars.order_number}} left our warehouse this morning 🚚 It should reach you tomorrow.' },
    },
    {
      id: 'handoff',
      type: 'handoff',
      position: at(1360, 240),
      data: {
        target: { type: 'unassigned' },
        message: 'I am passing you to a person from the team: they will answer right here.',
      },
    },
    { id: 'end', type: 'end', position: at(1700, 60), data: {} },
  ],
  edges: [
    edge('start', 'next', 'greet'),
    edge('greet', 'next', 'menu'),
    edge('menu', 'button:hours', 'open_now'),
    edge('menu', 'button:order', 'ask_order'),
    edge('menu', 'button:human', 'handoff'),
    edge('open_now', 'open', 'open_msg'),
    edge('open_now', 'closed', 'closed_msg'),
    edge('ask_order', 'answered', 'order_status'),
    edge('ask_order', 'invalid', 'handoff'),
    edge('order_status', 'next', 'end'),
  ],
};
