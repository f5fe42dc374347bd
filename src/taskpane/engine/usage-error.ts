/** A failure the user can act on: the message says what to do next. Shared by the engine and the hosts. */
export class EngineUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineUsageError';
  }
}
