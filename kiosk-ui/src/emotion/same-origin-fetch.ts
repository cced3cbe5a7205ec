// MediaPipe's web runtime posts usage logs to a Google endpoint (odml.pa.googleapis.com/v1/log) and has
// no switch to turn that off. The kiosk sends nothing off the device, so where the landmarker runs, fetch
// is limited to the page's own origin: other requests are refused before they leave (the logger then
// gives up for good). The privacy browser test watches that no such request is made.
export function sameOriginFetchOnly(scope: { fetch: typeof fetch; location: { origin: string } }): void {
  const own = scope.fetch.bind(scope);
  const origin = scope.location.origin;
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin);
    if (url.origin !== origin) {
      return Promise.reject(new TypeError(`kiosk: request to ${url.origin} refused (same origin only)`));
    }
    return own(input, init);
  };
}
