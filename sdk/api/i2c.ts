// rumpsdk/i2c: I2C buses as the kernel's device nodes /dev/iicN, driven with NetBSD's I2C_IOCTL_EXEC
// (the same calls as on a NetBSD rump kernel).
//   import { I2CBus, I2CError } from "rumpsdk/i2c";
//   const bus = I2CBus.open(3);                          // or I2CBus.open("/dev/iic3")
//   const raw = bus.writeRead(0x48, [0x00], 2);          // register 0: write the pointer, repeated start, 2 bytes
//   bus.write(0x48, [0x01, 0x60]);                       // register 1 := 0x60
// Every transfer is synchronous (a few hundred microseconds at 100 kHz) and ends with STOP. At most 32 bytes
// are written or read per call. Failures throw I2CError naming the bus and the address.
//
// Natives: sdk/runtime/io.c.
import { EBADF, EINVAL, EIO, ENOENT, errnoName } from "./errno.ts";

/** @native rt_dev_open */
declare function nOpen(path: string, write: boolean): number;
/** @native rt_dev_close */
declare function nClose(fd: number): number;
/** @native rt_iic_exec */
declare function nExec(fd: number, op: number, addr: number, cmd: Uint8Array | undefined, data: Uint8Array | undefined, readLen: number): Uint8Array | number;

// NetBSD's i2c_op_t
const OP_READ_WITH_STOP = 1;
const OP_WRITE_WITH_STOP = 3;
/** the most bytes of command or data one transfer carries (I2C_EXEC_MAX_CMDLEN/BUFLEN) */
export const I2C_MAX_LEN = 32;

function hex(addr: number): string {
  return "0x" + (addr < 16 ? "0" : "") + addr.toString(16);
}

function describe(errno: number): string {
  switch (errno) {
    case EIO: return "no device (EIO: nothing acknowledged)";
    case ENOENT: return "no such bus (ENOENT)";
    case EINVAL: return "bad request (EINVAL)";
    case EBADF: return "bus not open (EBADF)";
    default: return errnoName(errno);
  }
}

/**
 * A failed I2C transfer or open: the bus ("/dev/iic3"), the 7-bit address (-1 for an open), the errno
 * (NetBSD numbering) and its name `code`. Message: "/dev/iic2 addr 0x48: no device (EIO: nothing acknowledged)".
 */
export class I2CError extends Error {
  bus: string;
  addr: number;
  errno: number;
  code: string;
  constructor(bus: string, addr: number, errno: number, detail: string = "") {
    super(`${bus}${addr >= 0 ? " addr " + hex(addr) : ""}: ${detail || describe(errno)}`);
    this.name = "I2CError";
    this.bus = bus;
    this.addr = addr;
    this.errno = errno;
    this.code = errnoName(errno);
  }
}

function bytes(data: Uint8Array | number[]): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** An open I2C bus (controller). */
export class I2CBus {
  readonly path: string;
  private fd: number;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
  }

  /** Opens /dev/iicN (a number N or the path); throws I2CError (ENOENT: the board has no such bus). */
  static open(bus: number | string): I2CBus {
    const path = typeof bus === "number" ? `/dev/iic${bus}` : bus;
    const fd = nOpen(path, true);
    if (fd < 0) throw new I2CError(path, -1, -fd);
    return new I2CBus(path, fd);
  }

  private exec(op: number, addr: number, cmd: Uint8Array | undefined, data: Uint8Array | undefined, readLen: number): Uint8Array {
    if (this.fd < 0) throw new I2CError(this.path, addr, EBADF);
    if (!(Number.isInteger(addr) && addr >= 0 && addr <= 0x77)) throw new I2CError(this.path, addr, EINVAL, `bad address (want a 7-bit address up to 0x77)`);
    if ((cmd !== undefined && cmd.length > I2C_MAX_LEN) || (data !== undefined && data.length > I2C_MAX_LEN) || readLen > I2C_MAX_LEN) {
      throw new I2CError(this.path, addr, EINVAL, `more than ${I2C_MAX_LEN} bytes in one transfer (split it)`);
    }
    const r = nExec(this.fd, op, addr, cmd, data, readLen);
    if (typeof r === "number") {
      if (r < 0) throw new I2CError(this.path, addr, -r);
      return new Uint8Array(0);
    }
    return r;
  }

  /** Writes bytes to the device at addr: START, address+W, the bytes, STOP. */
  write(addr: number, data: Uint8Array | number[]): void {
    this.exec(OP_WRITE_WITH_STOP, addr, undefined, bytes(data), 0);
  }

  /** Reads len bytes from the device at addr: START, address+R, the bytes, STOP. */
  read(addr: number, len: number): Uint8Array {
    return this.exec(OP_READ_WITH_STOP, addr, undefined, undefined, len)
  }

  /** Writes cmd (e.g. a register number), then reads len bytes after a repeated START: a register read. */
  writeRead(addr: number, cmd: Uint8Array | number[], len: number): Uint8Array {
    return this.exec(OP_READ_WITH_STOP, addr, bytes(cmd), undefined, len)
  }

  /** Closes the bus (further transfers throw EBADF). */
  close(): void {
    if (this.fd >= 0) nClose(this.fd);
    this.fd = -1;
  }
}
