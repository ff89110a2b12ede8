// The app's entry point (`npm start`): adapter-node's server (build/index.js), started so that
// it works at http://localhost:PORT with nothing configured.
//
// adapter-node needs to know the public address to check that a form was posted from the app's
// own pages (SvelteKit's CSRF check) and to write links in e-mails. It takes it from ORIGIN, or
// builds it from the request: the Host header and the protocol named by PROTOCOL_HEADER, which
// defaults to https. A newcomer's browser at http://localhost:3000 then posts from an origin the
// server thinks is https://localhost:3000, and every form is refused with a 403.
//
// So when neither ORIGIN nor PROTOCOL_HEADER is set (nobody told us about a proxy), the
// protocol is the connection's own: this module names an internal header as PROTOCOL_HEADER and
// fills it in from the socket of every request, before adapter-node sees the request, through
// Node's documented `http.server.request.start` diagnostics channel. A value a client sends in
// that header is always overwritten. Host comes from the Host header as before, so the app
// answers at localhost, 127.0.0.1 and the machine's own address alike, and a form posted from
// any other site is still refused. With ORIGIN (or PROTOCOL_HEADER, behind a proxy) set, nothing
// here is done and adapter-node behaves as documented.
import { subscribe } from 'node:diagnostics_channel';
import process from 'node:process';

const CONNECTION_PROTOCOL_HEADER = 'x-verkosto-connection-protocol';

/** @param {string | undefined} value */
const unset = (value) => value === undefined || value === '';

// An empty ORIGIN counts as unset, as it does for the app's own settings (adapter-node would
// refuse to start on it).
if (process.env.ORIGIN === '') delete process.env.ORIGIN;

if (unset(process.env.ORIGIN) && unset(process.env.PROTOCOL_HEADER)) {
	process.env.PROTOCOL_HEADER = CONNECTION_PROTOCOL_HEADER;
	subscribe('http.server.request.start', (message) => {
		const { request, socket } = /** @type {{ request: import('node:http').IncomingMessage,
			socket: import('node:net').Socket & { encrypted?: boolean } }} */ (message);
		request.headers[CONNECTION_PROTOCOL_HEADER] = socket.encrypted ? 'https' : 'http';
	});
}

// adapter-node refuses a request body over 512 KB unless told otherwise: a minutes extract
// (up to 20 MB, MAX_FILE_BYTES) or a phone photo of a receipt (up to 10 MB) would be answered
// with a bare 413 instead of the form. The largest upload the app takes, and a little for the
// form around it, unless BODY_SIZE_LIMIT says otherwise.
if (unset(process.env.BODY_SIZE_LIMIT)) process.env.BODY_SIZE_LIMIT = '21M';

await import('./build/index.js');
