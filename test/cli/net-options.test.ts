// `rumpsdk run` networking options: bad values are refused before anything boots.
import { describe, expect, it } from "vitest";
import { loadBoard } from "../../toolchain/boards.ts";
import { boardNic, netArgs, parseForward } from "../../toolchain/qemu.ts";
import { rumpsdk } from "../lib/sdk.ts";

describe("rumpsdk run --net / --forward", () => {
  it("refuses an unknown NIC model, naming the choices", async () => {
    const r = await rumpsdk(["run", "examples/hello", "--net=rtl8139"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown NIC model "rtl8139"/);
    expect(r.stderr).toMatch(/--net=virtio or --net=e1000/);
  });

  it("refuses a malformed forward", async () => {
    for (const bad of ["8080", "8080:", "0:80", "8080:70000", "a:b"]) {
      const r = await rumpsdk(["run", "examples/hello", "--forward", bad]);
      expect(r.code, bad).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`bad --forward "${bad}"`));
      expect(r.stderr).toMatch(/HOST:GUEST/);
    }
  });

  it("gives mps2-an385 its own LAN9118 only: PCI models refused, --forward connects the machine's NIC", async () => {
    const r = await rumpsdk(["run", "examples/hello", "--board=mps2-an385", "--net=virtio"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown NIC model "virtio" for mps2-an385/);
    expect(r.stderr).toMatch(/Use --net=lan9118 .*, or --net=none\./);
    const board = loadBoard("mps2-an385");
    expect(boardNic(board)).toBe("lan9118");
    expect(netArgs("lan9118", [parseForward("8080:80"), parseForward("udp:5353:53")], board))
      .toEqual(["-nic", "user,id=net0,model=lan9118,hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=udp:127.0.0.1:5353-:53"]);
    expect(boardNic(loadBoard("qemu-x86"))).toBe("virtio");
  });

  it("refuses --forward with --net=none, and networking options on the host board", async () => {
    expect((await rumpsdk(["run", "examples/hello", "--net=none", "--forward", "8080:80"])).stderr).toMatch(/--forward needs a NIC/);
    expect((await rumpsdk(["run", "examples/hello", "--board=host", "--net=virtio"])).stderr).toMatch(/for emulated boards/);
  });
});
