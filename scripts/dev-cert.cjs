// A self-signed certificate for https://localhost, made locally with `selfsigned` (no download),
// cached in .certs/<name>/ and renewed a week before it expires. Used by the webpack dev server
// and the sandbox server. Browsers warn about it once; the sandbox serves everything from one
// origin so there is only one warning to accept.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { X509Certificate } = require('node:crypto');
const selfsigned = require('selfsigned');

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** @returns {Promise<{ key: string; cert: string }>} */
async function devCertificate(name = 'localhost', root = process.cwd()) {
  const dir = join(root, '.certs', name);
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    try {
      if (new Date(new X509Certificate(cert).validTo).getTime() - Date.now() > WEEK_MS) {
        return { key: readFileSync(keyFile, 'utf8'), cert };
      }
    } catch {
      // Unreadable certificate: make a new one below.
    }
  }
  const notBeforeDate = new Date(Date.now() - 60 * 1000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 60 * 60 * 1000);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

module.exports = { devCertificate };
