import { FakeContext } from './auth-mode';
import { InjectedFailures } from './injected-failures';

export interface FetchParams {
  method?: 'get' | 'delete' | 'patch' | 'post' | 'put';
  contentType?: string;
  headers?: Record<string, string>;
  payload?: string | Record<string, string>;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

export interface FetchRequest extends FetchParams {
  url: string;
}

export interface FakeResponseSpec {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/** Answers a request; default: 200 with an empty body. */
export type FetchResponder = (request: FetchRequest) => FakeResponseSpec;

export class FakeHttpResponse {
  constructor(
    private readonly status: number,
    private readonly body: string,
    private readonly headers: Record<string, string>,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  getContentText(): string {
    return this.body;
  }

  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }

  getAllHeaders(): Record<string, string> {
    return { ...this.headers };
  }
}

/**
 * A recording UrlFetchApp. Non-2xx answers throw unless `muteHttpExceptions`, as in Apps
 * Script; with an allow list (the manifest's urlFetchWhitelist) other URLs are refused.
 */
export class FakeUrlFetchApp {
  readonly requests: FetchRequest[] = [];
  responder: FetchResponder = () => ({ status: 200, body: '' });
  private readonly failures = new InjectedFailures();

  constructor(
    private readonly context: FakeContext,
    private readonly allowList?: readonly string[],
  ) {}

  fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
    this.context.call('UrlFetchApp.fetch', 'urlFetch');
    if (this.allowList && !this.allowList.some((prefix) => url.startsWith(prefix))) {
      throw new Error(`fake UrlFetchApp: ${url} is not in the manifest's urlFetchWhitelist`);
    }
    const request: FetchRequest = { url, method: 'get', ...params };
    this.requests.push(request);
    this.failures.check();
    const { status = 200, body = '', headers = {} } = this.responder(request);
    if ((status < 200 || status > 299) && !params.muteHttpExceptions) {
      throw new Error(
        `Request failed for ${url} returned code ${status}. Truncated server response: ${body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return new FakeHttpResponse(status, body, headers);
  }

  /** The next `count` fetches throw before any response, like a DNS or network failure. */
  failNextFetches(count: number, message = 'Address unavailable'): void {
    this.failures.failNext(count, message);
  }
}
