import { FakeContext } from './auth-mode';
import { InjectedFailures } from './injected-failures';
import { allowlistEntryProblem, notAllowlistedMessage, urlMatchesAllowlistEntry } from './url-allowlist';

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
 * Script; with an allow list (the manifest's urlFetchWhitelist) other URLs are refused by
 * Google's rules (url-allowlist.ts) with Google's message.
 */
export class FakeUrlFetchApp {
  readonly requests: FetchRequest[] = [];
  responder: FetchResponder = () => ({ status: 200, body: '' });
  private readonly failures = new InjectedFailures();

  constructor(
    private readonly context: FakeContext,
    private readonly allowList?: readonly string[],
  ) {
    // Apps Script refuses to save a manifest with an invalid entry; so does the fake.
    const problems = (allowList ?? []).map(allowlistEntryProblem).filter((p): p is string => p !== null);
    if (problems.length > 0) throw new Error(`appsscript.json has errors: urlFetchWhitelist: ${problems.join('; ')}`);
  }

  fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
    this.context.call('UrlFetchApp.fetch', 'urlFetch');
    if (this.allowList && !this.allowList.some((prefix) => urlMatchesAllowlistEntry(url, prefix))) throw new Error(notAllowlistedMessage(url));
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
