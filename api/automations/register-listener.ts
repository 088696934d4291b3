// Plugs automation rules into the event dispatcher (api/events/dispatch-event.ts) once per
// process. Imported for its effect by the API's routes and the worker's activities, so both the
// API process and the worker (events emitted from activities) run rules.
import { eventListeners, type EventListener } from '../events/dispatch-event.ts';
import { startAutomationsForEvent } from './start-automations-for-event.ts';

const listener: EventListener = (deps, event) => startAutomationsForEvent(deps, event);

export function registerAutomationListener(): void {
  if (!eventListeners.some((registered) => registered === listener)) {
    eventListeners.push(listener);
  }
}

registerAutomationListener();
