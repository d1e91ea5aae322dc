// Static network configuration (test/net/static.test.ts copies this file into a folder with a
// rumpsdk.json holding net.ip/net.netmask/net.gw/net.dns): looks up the names given in the
// parameter-free list below through the configured DNS server, printing "lookup NAME ADDRESS" or
// "lookup NAME error CODE", then serves a TCP echo on port 7 ("static: listening on port 7");
// a connection sending "quit" ends the program with exit code 0.
import { listen, lookup, NetError, type Socket } from "rumpsdk/net";
import { utf8Decode } from "rumpsdk/bytes";
import { exit } from "rumpsdk/sys";

const NAMES = ["10.1.2.3", "localhost", "deb.debian.org", "no-such-name.invalid"];

function serve(): void {
  listen(7, (s: Socket) => {
    let first = true;
    s.onData((d) => {
      if (first && utf8Decode(d) === "quit") { s.end("bye"); setTimeout(() => exit(0), 50); return; }
      first = false;
      s.write(d);
    });
    s.onEnd(() => s.end());
  });
  console.log("static: listening on port 7");
}

function next(i: number): void {
  if (i === NAMES.length) { serve(); return; }
  lookup(NAMES[i], (err: NetError | null, address: string) => {
    console.log(err ? `lookup ${NAMES[i]} error ${err.code}` : `lookup ${NAMES[i]} ${address}`);
    next(i + 1);
  });
}

next(0);
