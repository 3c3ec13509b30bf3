export interface LoggedRequest {
  url: string;
  /** The origin that started the request; Chromium's own traffic has none. */
  initiator: string;
}
export function leavesTheMachine(url: string): boolean;
export function loggedRequests(netLogPath: string): Promise<LoggedRequest[]>;
export function checkExtensionTraffic(
  netLogPath: string,
  extensionId: string,
  options?: { record?: boolean },
): Promise<{ requests: LoggedRequest[]; offMachine: string[] }>;
