/** The session cookie: HTTP-only, same-site lax, secure on HTTPS. */
export function sessionCookieOptions(url: URL, expires: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		expires
	};
}
