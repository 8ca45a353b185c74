// The few protobuf messages of TensorBoard event files Guild reads and writes: Event, Summary, Value.

export interface ScalarValue {
  tag: string;
  /** float32 value widened to a double, as TensorBoard reports it. */
  value: number;
}

export interface TfEvent {
  wallTime: number;
  step: number;
  fileVersion: string | null;
  hasSummary: boolean;
  /** Scalar values of the summary: `simple_value`s and single-element float tensors. */
  scalars: ScalarValue[];
}

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;
const WIRE_FIXED32 = 5;

const DT_FLOAT = 1;
const DT_DOUBLE = 2;

class ProtoWriter {
  private readonly chunks: number[] = [];

  tag(field: number, wire: number): void {
    this.varint(BigInt((field << 3) | wire));
  }

  varint(value: bigint): void {
    let rest = BigInt.asUintN(64, value);
    while (rest >= 0x80n) {
      this.chunks.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.chunks.push(Number(rest));
  }

  bytes(field: number, data: Uint8Array): void {
    this.tag(field, WIRE_LENGTH);
    this.varint(BigInt(data.length));
    for (const byte of data) this.chunks.push(byte);
  }

  fixed32Float(field: number, value: number): void {
    this.tag(field, WIRE_FIXED32);
    const buffer = Buffer.alloc(4);
    buffer.writeFloatLE(value);
    for (const byte of buffer) this.chunks.push(byte);
  }

  fixed64Double(field: number, value: number): void {
    this.tag(field, WIRE_FIXED64);
    const buffer = Buffer.alloc(8);
    buffer.writeDoubleLE(value);
    for (const byte of buffer) this.chunks.push(byte);
  }

  finish(): Buffer {
    return Buffer.from(this.chunks);
  }
}

/** The first record of every event file: `Event { file_version }`. */
export function encodeFileVersionEvent(fileVersion: string, wallTime = 0): Buffer {
  const writer = new ProtoWriter();
  if (wallTime !== 0) writer.fixed64Double(1, wallTime);
  writer.bytes(3, Buffer.from(fileVersion, "utf8"));
  return writer.finish();
}

/** `Event { step, summary { value { tag, simple_value } } }`; zero fields are omitted (proto3). */
export function encodeScalarEvent(tag: string, value: number, step: number, wallTime = 0): Buffer {
  const valueWriter = new ProtoWriter();
  valueWriter.bytes(1, Buffer.from(tag, "utf8"));
  valueWriter.fixed32Float(2, value);
  const summaryWriter = new ProtoWriter();
  summaryWriter.bytes(1, valueWriter.finish());
  const writer = new ProtoWriter();
  if (wallTime !== 0) writer.fixed64Double(1, wallTime);
  if (step !== 0) {
    writer.tag(2, WIRE_VARINT);
    writer.varint(BigInt(Math.trunc(step)));
  }
  writer.bytes(5, summaryWriter.finish());
  return writer.finish();
}

interface Field {
  number: number;
  wire: number;
  varint: bigint;
  data: Buffer;
}

function* readFields(buffer: Buffer): Generator<Field> {
  let offset = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (offset >= buffer.length) throw new Error("truncated varint");
      const byte = buffer[offset++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  const take = (length: number): Buffer => {
    if (offset + length > buffer.length) throw new Error("truncated field");
    const data = buffer.subarray(offset, offset + length);
    offset += length;
    return data;
  };
  while (offset < buffer.length) {
    const key = Number(readVarint());
    const number = key >>> 3;
    const wire = key & 7;
    if (wire === WIRE_VARINT) yield { number, wire, varint: readVarint(), data: Buffer.alloc(0) };
    else if (wire === WIRE_FIXED64) yield { number, wire, varint: 0n, data: take(8) };
    else if (wire === WIRE_LENGTH) yield { number, wire, varint: 0n, data: take(Number(readVarint())) };
    else if (wire === WIRE_FIXED32) yield { number, wire, varint: 0n, data: take(4) };
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

/** Decodes an Event message; throws on malformed bytes. */
export function decodeEvent(bytes: Uint8Array): TfEvent {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const event: TfEvent = { wallTime: 0, step: 0, fileVersion: null, hasSummary: false, scalars: [] };
  for (const field of readFields(buffer)) {
    if (field.number === 1 && field.wire === WIRE_FIXED64) event.wallTime = field.data.readDoubleLE(0);
    else if (field.number === 2 && field.wire === WIRE_VARINT) event.step = Number(BigInt.asIntN(64, field.varint));
    else if (field.number === 3 && field.wire === WIRE_LENGTH) event.fileVersion = field.data.toString("utf8");
    else if (field.number === 5 && field.wire === WIRE_LENGTH) {
      event.hasSummary = true;
      event.scalars.push(...decodeSummaryScalars(field.data));
    }
  }
  return event;
}

function decodeSummaryScalars(summary: Buffer): ScalarValue[] {
  const scalars: ScalarValue[] = [];
  for (const field of readFields(summary)) {
    if (field.number !== 1 || field.wire !== WIRE_LENGTH) continue;
    const scalar = decodeValue(field.data);
    if (scalar) scalars.push(scalar);
  }
  return scalars;
}

function decodeValue(data: Buffer): ScalarValue | null {
  let tag = "";
  let simpleValue: number | null = null;
  let tensor: Buffer | null = null;
  for (const field of readFields(data)) {
    if (field.number === 1 && field.wire === WIRE_LENGTH) tag = field.data.toString("utf8");
    else if (field.number === 2 && field.wire === WIRE_FIXED32) simpleValue = field.data.readFloatLE(0);
    else if (field.number === 8 && field.wire === WIRE_LENGTH) tensor = field.data;
  }
  // TensorBoard checks the tensor field first, then simple_value.
  if (tensor) {
    const value = decodeScalarTensor(tensor);
    return value === null ? null : { tag, value };
  }
  return simpleValue === null ? null : { tag, value: simpleValue };
}

/** The single value of a float or double TensorProto, else null. */
function decodeScalarTensor(tensor: Buffer): number | null {
  let dtype = 0;
  let content: Buffer | null = null;
  const floats: number[] = [];
  const doubles: number[] = [];
  for (const field of readFields(tensor)) {
    if (field.number === 1 && field.wire === WIRE_VARINT) dtype = Number(field.varint);
    else if (field.number === 4 && field.wire === WIRE_LENGTH) content = field.data;
    else if (field.number === 5 && field.wire === WIRE_LENGTH) {
      for (let offset = 0; offset + 4 <= field.data.length; offset += 4) floats.push(field.data.readFloatLE(offset));
    } else if (field.number === 5 && field.wire === WIRE_FIXED32) floats.push(field.data.readFloatLE(0));
    else if (field.number === 6 && field.wire === WIRE_LENGTH) {
      for (let offset = 0; offset + 8 <= field.data.length; offset += 8) doubles.push(field.data.readDoubleLE(offset));
    } else if (field.number === 6 && field.wire === WIRE_FIXED64) doubles.push(field.data.readDoubleLE(0));
  }
  if (dtype === DT_FLOAT) {
    if (content && content.length > 0) return content.length === 4 ? content.readFloatLE(0) : null;
    return floats.length === 1 ? floats[0] : null;
  }
  if (dtype === DT_DOUBLE) {
    if (content && content.length > 0) return content.length === 8 ? content.readDoubleLE(0) : null;
    return doubles.length === 1 ? doubles[0] : null;
  }
  return null;
}
