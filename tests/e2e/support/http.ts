/** A small HTTP client for tests: keeps cookies, never follows redirects. */
export class HttpClient {
	private cookies = new Map<string, string>();

	constructor(readonly base: string) {}

	async request(method: string, path: string, body?: Record<string, string> | FormData | string) {
		const headers: Record<string, string> = { origin: this.base, accept: 'text/html' };
		if (this.cookies.size) {
			headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		}
		let payload: BodyInit | undefined;
		if (body instanceof FormData || typeof body === 'string') payload = body;
		else if (body) {
			payload = new URLSearchParams(body);
			headers['content-type'] = 'application/x-www-form-urlencoded';
		}
		const response = await fetch(new URL(path, this.base), {
			method,
			headers,
			body: payload,
			redirect: 'manual'
		});
		for (const cookie of response.headers.getSetCookie()) {
			const [pair = ''] = cookie.split(';');
			const [name = '', ...rest] = pair.split('=');
			const value = rest.join('=');
			if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return response;
	}

	get(path: string) {
		return this.request('GET', path);
	}

	post(path: string, body?: Record<string, string> | FormData | string) {
		return this.request('POST', path, body);
	}

	/** The value of a cookie the app has set, if any (e.g. to hand a session to a browser). */
	cookie(name: string): string | undefined {
		return this.cookies.get(name);
	}

	async signIn(email: string, password = 'verkosto-demo') {
		const response = await this.post('/signin?/password', { email, password });
		if (response.status !== 303 || !this.cookies.has('verkosto_session')) {
			throw new Error(`sign-in as ${email} failed: ${response.status}`);
		}
	}
}
