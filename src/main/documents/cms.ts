import { X509Certificate, createHash, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';

/**
 * Reads a detached CMS SignedData (RFC 5652) as PDF signatures carry it, and checks it against the
 * signed bytes. node-forge parses the ASN.1 (its own PKCS#7 verify is not implemented); Node's
 * X.509 and crypto check the certificate's key and the signature value, for RSA and EC alike.
 */
export interface CmsCheck {
  readonly certificateDer: Uint8Array | null;
  readonly signingTime: number | null;
  /** SHA-x of the signed bytes equals the messageDigest attribute. */
  readonly digestValid: boolean;
  /** The signed attributes verify with the certificate's public key. */
  readonly signatureValid: boolean;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

type Node = forge.asn1.Asn1;
const children = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? n.value : []);
const bytesOf = (n: Node | undefined): string => (n && typeof n.value === 'string' ? n.value : '');
const oidOf = (n: Node | undefined): string => (n ? forge.asn1.derToOid(bytesOf(n)) : '');
const der = (n: Node): Buffer => Buffer.from(forge.asn1.toDer(n).getBytes(), 'binary');

const NOTHING: CmsCheck = { certificateDer: null, signingTime: null, digestValid: false, signatureValid: false };

export function checkCms(cms: Uint8Array, signed: readonly Uint8Array[]): CmsCheck {
  let root: Node;
  try {
    // /Contents is zero-padded to its reserved size: parse exactly the DER element, not the padding.
    const exact = Buffer.from(cms).subarray(0, derLength(cms));
    root = forge.asn1.fromDer(forge.util.createBuffer(exact.toString('binary')), false);
  } catch {
    return NOTHING;
  }
  const [type, wrapped] = children(root);
  if (oidOf(type) !== OID.signedData) return NOTHING;
  const signedData = children(children(wrapped)[0]);
  // SignedData: version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos.
  const certNodes = signedData.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const certificates = children(certNodes).map((n) => ({ d: new Uint8Array(der(n)), issuer: issuerDer(n) }));
  const signerInfos = children(signedData.at(-1));
  const signer = children(signerInfos[0]);
  if (signer.length < 5) return NOTHING;
  // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs?
  const [, sid, digestAlgorithm, attrs, , signatureValue] = signer;
  if (!attrs || attrs.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC || attrs.type !== 0 || !signatureValue)
    return NOTHING;
  const hash = DIGESTS[oidOf(children(digestAlgorithm)[0])];
  if (!hash) return NOTHING;

  let messageDigest = '';
  let signingTime: number | null = null;
  for (const attr of children(attrs)) {
    const [oid, values] = children(attr);
    const value = children(values)[0];
    if (oidOf(oid) === OID.messageDigest) messageDigest = bytesOf(value);
    if (oidOf(oid) === OID.signingTime && value) {
      const text = bytesOf(value);
      const date =
        value.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(text)
          : forge.asn1.generalizedTimeToDate(text);
      signingTime = date.getTime();
    }
  }
  const h = createHash(hash);
  for (const part of signed) h.update(part);
  const digestValid = messageDigest !== '' && Buffer.from(messageDigest, 'binary').equals(h.digest());

  // The signer is named by issuer and serial number, byte for byte, as NSS and Acrobat match it:
  // a SignerInfo that names no certificate in the signature is not a valid signature.
  const [sidIssuer, sidSerial] = children(sid);
  const serial = Buffer.from(bytesOf(sidSerial), 'binary').toString('hex').replace(/^0+/, '').toUpperCase();
  const wantedIssuer = sidIssuer ? der(sidIssuer) : Buffer.alloc(0);
  let chosen: { d: Uint8Array; c: X509Certificate } | undefined;
  for (const cert of certificates) {
    const c = tryCert(cert.d);
    if (c && c.serialNumber.replace(/^0+/, '').toUpperCase() === serial && cert.issuer.equals(wantedIssuer))
      chosen = { d: cert.d, c };
  }
  if (!chosen) return { ...NOTHING, signingTime, digestValid };
  // The signature covers the DER of the attributes as a SET, not as the [0] they are stored as.
  const signedAttrs = der(attrs);
  signedAttrs[0] = 0x31;
  let signatureValid: boolean;
  try {
    signatureValid = verifySignature(
      hash,
      signedAttrs,
      chosen.c.publicKey,
      Buffer.from(bytesOf(signatureValue), 'binary'),
    );
  } catch {
    signatureValid = false;
  }
  return { certificateDer: chosen.d, signingTime, digestValid, signatureValid };
}

/** The issuer Name of a certificate node (tbsCertificate: [0] version?, serial, signature, issuer). */
function issuerDer(cert: Node): Buffer {
  const tbs = children(children(cert)[0] ? cert : undefined)[0];
  const fields = children(tbs);
  const hasVersion = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC;
  const issuer = fields[hasVersion ? 3 : 2];
  return issuer ? der(issuer) : Buffer.alloc(0);
}

/** Length of the DER element at the start of `b` (tag, length octets, content). */
function derLength(b: Uint8Array): number {
  const first = b[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (b[2 + i] ?? 0);
  return 2 + n + len;
}

function tryCert(d: Uint8Array): X509Certificate | null {
  try {
    return new X509Certificate(d);
  } catch {
    return null;
  }
}
