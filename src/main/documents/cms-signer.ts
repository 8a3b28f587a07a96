import forge from 'node-forge';
import { Signer } from '@signpdf/utils';
import type { IdentityMaterial } from './identity';

/**
 * The CMS signer: what @signpdf/signer-p12's P12Signer does (SHA-256, detached, contentType,
 * signingTime and messageDigest as signed attributes, every certificate included), with one fix.
 * forge keeps a parsed certificate's UTF8String name values as raw UTF-8 bytes but encodes them
 * again when it writes the signer's issuer, so for a certificate with "Иван Петров" or "王伟" in
 * its issuer the SignerInfo names a certificate that does not exist and poppler, NSS and Acrobat
 * reject the signature. Decoding those values first makes the issuer byte-identical to the
 * certificate's. Like P12Signer, an instance signs once.
 */
export class CmsSigner extends Signer {
  private used = false;

  constructor(private readonly material: IdentityMaterial) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    if (this.used) throw new Error('a CmsSigner signs once; make a new one per signature');
    this.used = true;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of this.material.certificates) p7.addCertificate(cert);
    p7.addSigner({
      key: this.material.key,
      certificate: withDecodedIssuer(this.material.certificates[0]!),
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
        // forge's typings want a string; at runtime it takes a Date (and formats it as UTCTime).
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/** A copy of the certificate whose issuer attribute values are text, not UTF-8 bytes. */
function withDecodedIssuer(cert: forge.pki.Certificate): forge.pki.Certificate {
  const copy = forge.pki.certificateFromAsn1(forge.pki.certificateToAsn1(cert));
  for (const attr of copy.issuer.attributes) {
    if (
      attr.valueTagClass === (forge.asn1.Type.UTF8 as unknown as forge.asn1.Class) &&
      typeof attr.value === 'string'
    ) {
      attr.value = forge.util.decodeUtf8(attr.value);
    }
  }
  return copy;
}
