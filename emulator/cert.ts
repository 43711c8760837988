// A self-signed certificate for localhost / 127.0.0.1 / ::1, generated locally with `selfsigned`
// and cached, so restarts (and every test file) reuse it and a browser trusts it once.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface CertPair {
  key: string;
  cert: string;
}

/** Key and certificate in one file, so one atomic rename keeps them a pair. */
const PAIR_FILE = 'emulator-pair.pem';
/** The certificate alone, for people to trust (NODE_EXTRA_CA_CERTS, a browser's authorities). */
const CERT_FILE = 'emulator-cert.pem';
const DAY_MS = 86_400_000;

function usable(pair: CertPair, nowMs: number): boolean {
  try {
    const x = new X509Certificate(pair.cert);
    return (
      x.checkPrivateKey(createPrivateKey(pair.key)) &&
      Date.parse(x.validTo) - nowMs > 7 * DAY_MS &&
      x.checkHost('localhost') !== undefined &&
      x.checkIP('127.0.0.1') !== undefined
    );
  } catch {
    return false;
  }
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, text, { encoding: 'utf8', mode: 0o600 });
  await rename(tmp, file);
}

export async function loadOrCreateCert(dir: string, nowMs = Date.now()): Promise<CertPair> {
  const pairPath = join(dir, PAIR_FILE);
  if (existsSync(pairPath)) {
    const text = readFileSync(pairPath, 'utf8');
    const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(text)?.[0];
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
    const pair = key && cert ? { key: `${key}\n`, cert: `${cert}\n` } : undefined;
    if (pair && usable(pair, nowMs)) {
      if (!existsSync(join(dir, CERT_FILE))) await writeAtomic(join(dir, CERT_FILE), pair.cert);
      return pair;
    }
  }
  const notBeforeDate = new Date(nowMs - DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(nowMs + 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
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
  const pair = { key: `${pems.private.trim()}\n`, cert: `${pems.cert.trim()}\n` };
  mkdirSync(dir, { recursive: true });
  // Concurrent starts may both generate; each serves and reports the pair it made, and one file wins.
  await writeAtomic(pairPath, `${pair.key}${pair.cert}`);
  await writeAtomic(join(dir, CERT_FILE), pair.cert);
  return pair;
}

export const certFileName = CERT_FILE;
