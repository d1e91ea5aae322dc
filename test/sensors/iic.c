/*
 * /dev/iicN and I2C_IOCTL_EXEC on mps2-an385 (the SBCon driver under the kernel's device nodes),
 * with QEMU's tmp105 at 0x48 and dps310 at 0x77 on /dev/iic3 (board.json). Syscalls only.
 * Prints "ok NAME" or "FAIL NAME: why (value)" per check, the TMP105's raw temperature register
 * ("iic: tmp105 raw 0xHHHH") and "iic: N failures"; main returns the failure count.
 */
#include <rump/rump.h>
#include <rump/rump_syscalls.h>
#include <rump/rumpuser.h>

#include "../lib/check.h"


static int
exec(int fd, int op, int addr, const void *cmd, size_t cmdlen, void *buf, size_t len)
{
	struct i2c_ioctl_exec e = { op, (i2c_addr_t)addr, cmd, cmdlen, buf, len };

	return rump_sys_ioctl(fd, I2C_IOCTL_EXEC, &e) < 0 ? rumpsdk_errno() : 0;
}

int
main(int argc, char **argv)
{
	uint8_t reg = 0, b[32], c[4];
	int fd, ro, e;
	(void)argc; (void)argv;

	if ((e = rump_init()) != 0) {
		say("iic: rump_init: %d\n", e);
		return 1;
	}

	check("ioctl number", I2C_IOCTL_EXEC == (sizeof(void *) == 4 ? 0x80184900UL : 0x80304900UL),
	    "I2C_IOCTL_EXEC", (long)I2C_IOCTL_EXEC);
	check("ENOENT unknown node", rump_sys_open("/dev/iic9", O_RDWR, 0) < 0 && rumpsdk_errno() == ENOENT, "errno", rumpsdk_errno());
	check("ENOENT outside /dev", rump_sys_open("/etc/iic3", O_RDWR, 0) < 0 && rumpsdk_errno() == ENOENT, "errno", rumpsdk_errno());
	fd = rump_sys_open("/dev/iic3", O_RDWR, 0);
	check("open /dev/iic3", fd >= 128, "fd", fd);

	/* the TMP105: pointer 0 (temperature), then two bytes after a repeated start */
	e = exec(fd, I2C_OP_READ_WITH_STOP, 0x48, &reg, 1, b, 2);
	check("tmp105 temperature read", e == 0, "errno", e);
	say("iic: tmp105 raw 0x%02x%02x\n", b[0], b[1]);
	/* configuration register: write 0x60 (12 bits), read it back */
	c[0] = 1; c[1] = 0x60;
	e = exec(fd, I2C_OP_WRITE_WITH_STOP, 0x48, NULL, 0, c, 2);
	check("tmp105 config write", e == 0, "errno", e);
	reg = 1;
	e = exec(fd, I2C_OP_READ_WITH_STOP, 0x48, &reg, 1, b, 1);
	check("tmp105 config reads back", e == 0 && b[0] == 0x60, "config", b[0]);
	/* the DPS310's 18 coefficient bytes in one transfer, and its status register */
	reg = 0x10;
	e = exec(fd, I2C_OP_READ_WITH_STOP, 0x77, &reg, 1, b, 18);
	check("dps310 coefficients", e == 0 && b[0] == 0x0e && b[1] == 0x1e && b[17] == 0x3a, "c0 byte", b[0]);
	/* split transfer: pointer without STOP, then a read that begins with a repeated start */
	reg = 0x08;
	e = exec(fd, I2C_OP_WRITE, 0x77, NULL, 0, &reg, 1);
	check("write without stop", e == 0, "errno", e);
	e = exec(fd, I2C_OP_READ_WITH_STOP, 0x77, NULL, 0, b, 1);
	check("dps310 MEAS_CFG after repeated start", e == 0 && (b[0] & 0xc0) == 0xc0, "MEAS_CFG", b[0]);

	/* errors as NetBSD's iic gives them */
	e = exec(fd, I2C_OP_READ_WITH_STOP, 0x50, &reg, 1, b, 1);
	check("EIO no device at 0x50", e == EIO, "errno", e);
	e = exec(fd, I2C_OP_READ_WITH_STOP, 0x48, &reg, 1, b, 2);
	check("bus works after a NACK", e == 0, "errno", e);
	check("EINVAL op 4", exec(fd, 4, 0x48, &reg, 1, b, 1) == EINVAL, "errno", rumpsdk_errno());
	check("EINVAL buflen 33", exec(fd, I2C_OP_READ_WITH_STOP, 0x48, &reg, 1, b, 33) == EINVAL, "errno", rumpsdk_errno());
	check("EINVAL cmd without cmdlen", exec(fd, I2C_OP_READ_WITH_STOP, 0x48, &reg, 0, b, 1) == EINVAL, "errno", rumpsdk_errno());
	check("EINVAL address 0x80", exec(fd, I2C_OP_READ_WITH_STOP, 0x80, &reg, 1, b, 1) == EINVAL, "errno", rumpsdk_errno());
	check("ENODEV other ioctl", rump_sys_ioctl(fd, FIONREAD, &e) < 0 && rumpsdk_errno() == ENODEV, "errno", rumpsdk_errno());
	check("ENODEV read", rump_sys_read(fd, b, 1) < 0 && rumpsdk_errno() == ENODEV, "errno", rumpsdk_errno());
	{
		struct pollfd p = { fd, POLLIN, 0 };
		check("poll POLLNVAL", rump_sys_poll(&p, 1, 0) == 1 && p.revents == POLLNVAL, "revents", p.revents);
	}
	ro = rump_sys_open("/dev/iic0", O_RDONLY, 0);
	check("second descriptor", ro >= 128 && ro != fd, "fd", ro);
	check("EBADF write op on a read-only descriptor", exec(ro, I2C_OP_WRITE_WITH_STOP, 0x48, NULL, 0, c, 2) == EBADF,
	    "errno", rumpsdk_errno());
	check("EIO empty bus iic0", exec(ro, I2C_OP_READ_WITH_STOP, 0x48, &reg, 1, b, 2) == EIO, "errno", rumpsdk_errno());
	check("F_GETFL O_RDONLY", rump_sys_fcntl(ro, F_GETFL) == O_RDONLY, "flags", rump_sys_fcntl(ro, F_GETFL));
	check("close", rump_sys_close(ro) == 0 && rump_sys_close(fd) == 0, "errno", rumpsdk_errno());
	check("EBADF after close", rump_sys_ioctl(fd, I2C_IOCTL_EXEC, b) < 0 && rumpsdk_errno() == EBADF, "errno", rumpsdk_errno());
	say("iic: %d failures\n", failures);
	return failures;
}
