/*
 * The split virtqueue of virtio (legacy layout: the used ring starts on the next 4 KiB
 * boundary after the available ring), as pure data and arithmetic, so it can be unit-tested
 * on the host (test/unit/vring).
 */
#ifndef VIRTIO_NET_VRING_H
#define VIRTIO_NET_VRING_H
#include <stddef.h>
#include <stdint.h>

#define VRING_ALIGN 4096
#define VRING_DESC_F_NEXT  1
#define VRING_DESC_F_WRITE 2            /* the device writes this buffer (receive) */
#define VRING_AVAIL_F_NO_INTERRUPT 1
#define VRING_USED_F_NO_NOTIFY 1        /* the device is already looking at the ring: no kick needed */

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags, next;
};
struct vring_avail {
	uint16_t flags, idx;
	uint16_t ring[];                /* then used_event */
};
struct vring_used_elem {
	uint32_t id, len;
};
struct vring_used {
	uint16_t flags, idx;
	struct vring_used_elem ring[];  /* then avail_event */
};

struct vring {
	unsigned num;                   /* queue size, as the device says (a power of 2) */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	uint16_t avail_idx;             /* next avail->idx we publish */
	uint16_t used_seen;             /* used->idx already consumed */
};

static inline size_t vring_used_offset(unsigned num)
{
	size_t a = 16 * (size_t)num + 6 + 2 * (size_t)num;
	return (a + VRING_ALIGN - 1) & ~(size_t)(VRING_ALIGN - 1);
}

/* bytes of memory a legacy queue of num entries needs (4 KiB aligned) */
static inline size_t vring_size(unsigned num)
{
	return vring_used_offset(num) + ((6 + 8 * (size_t)num + VRING_ALIGN - 1) & ~(size_t)(VRING_ALIGN - 1));
}

static inline void vring_init(struct vring *vr, unsigned num, void *mem)
{
	vr->num = num;
	vr->desc = mem;
	vr->avail = (struct vring_avail *)((char *)mem + 16 * (size_t)num);
	vr->used = (struct vring_used *)((char *)mem + vring_used_offset(num));
	vr->avail_idx = 0;
	vr->used_seen = 0;
}

/* offer descriptor chain head `id` to the device; the caller publishes with vring_publish() */
static inline void vring_offer(struct vring *vr, uint16_t id)
{
	vr->avail->ring[vr->avail_idx & (vr->num - 1)] = id;
	vr->avail_idx++;
}

/* make offered descriptors visible: a release store of avail->idx after the ring entries */
static inline void vring_publish(struct vring *vr)
{
	__atomic_store_n(&vr->avail->idx, vr->avail_idx, __ATOMIC_RELEASE);
}

/* whether the device wants a kick for what vring_publish() made visible; the caller orders the
 * publish before this load with a full barrier. A device that set VRING_USED_F_NO_NOTIFY looks at
 * the available ring again after clearing it, so nothing published is missed. */
static inline int vring_needs_kick(const struct vring *vr)
{
	return !(__atomic_load_n(&vr->used->flags, __ATOMIC_RELAXED) & VRING_USED_F_NO_NOTIFY);
}

/* next used element the device returned, or NULL; acquire load so its contents are current */
static inline const struct vring_used_elem *vring_next_used(struct vring *vr)
{
	uint16_t idx = __atomic_load_n(&vr->used->idx, __ATOMIC_ACQUIRE);
	if (idx == vr->used_seen)
		return NULL;
	return &vr->used->ring[vr->used_seen++ & (vr->num - 1)];
}

#endif
