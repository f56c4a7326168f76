/** An error the kit's error handler answers as HTTP 400 with a JSON body. */
export function badRequest(message: string): Error {
  return Object.assign(new Error(message), { status: 400 });
}
