// TFRecord framing: length (u64 LE), masked CRC of the length, payload, masked CRC of the payload.
import { maskedCrc32c } from "./crc32c.js";

/** One framed record holding the payload. */
export function encodeRecord(payload: Uint8Array): Buffer {
  const record = Buffer.alloc(8 + 4 + payload.length + 4);
  record.writeBigUInt64LE(BigInt(payload.length), 0);
  record.writeUInt32LE(maskedCrc32c(record.subarray(0, 8)), 8);
  record.set(payload, 12);
  record.writeUInt32LE(maskedCrc32c(payload), 12 + payload.length);
  return record;
}

/**
 * Payloads of the records in a file's bytes, in order. Reading stops at the first record that is
 * truncated or fails its checksums (a writer may still be appending to the file).
 */
export function decodeRecords(bytes: Uint8Array): Uint8Array[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloads: Uint8Array[] = [];
  let offset = 0;
  while (offset + 12 <= buffer.length) {
    const lengthBytes = buffer.subarray(offset, offset + 8);
    if (buffer.readUInt32LE(offset + 8) !== maskedCrc32c(lengthBytes)) break;
    const length = Number(buffer.readBigUInt64LE(offset));
    const payloadStart = offset + 12;
    const payloadEnd = payloadStart + length;
    if (payloadEnd + 4 > buffer.length) break;
    const payload = buffer.subarray(payloadStart, payloadEnd);
    if (buffer.readUInt32LE(payloadEnd) !== maskedCrc32c(payload)) break;
    payloads.push(payload);
    offset = payloadEnd + 4;
  }
  return payloads;
}
