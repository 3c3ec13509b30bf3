export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

export interface BidiConnection {
  capabilities: { browserName: string; browserVersion: string; userAgent: string; [key: string]: unknown };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- BiDi results differ per command
  send<T = any>(method: string, params?: object): Promise<T>;
  subscribe(events: string[], listener: (event: BidiEvent) => void): Promise<() => void>;
  close(): void;
}

export function connectBidi(url: string): Promise<BidiConnection>;
