// Errors a service raises for the API; the error handler turns them into responses.

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    message: string,
    readonly field?: string,
    readonly reason?: string,
  ) {
    super(message);
  }

  static badRequest(field: string, reason: string): ApiError {
    return new ApiError(400, `${field}: ${reason}`, field, reason);
  }
  static notFound(message = 'niet gevonden'): ApiError {
    return new ApiError(404, message);
  }
  static conflict(message: string): ApiError {
    return new ApiError(409, message);
  }
  static forbidden(message = 'geen toegang'): ApiError {
    return new ApiError(403, message);
  }
}

/** One answer for a flag outside the user's wijken and for one that does not exist. */
export const FLAG_NOT_VISIBLE = 'signalering niet in uw wijken of niet gevonden';

/** A flag outside the user's wijken: answered exactly like an unknown flag (no leak), logged as a denial. */
export class OutOfScope extends ApiError {
  override name = 'OutOfScope';
  constructor() {
    super(404, FLAG_NOT_VISIBLE);
  }
}
