/*
 * Objects: hidden classes (shapes) with slots in insertion order, prototype chains, accessors,
 * and the slow paths behind the inline caches of generated code (rt_get_ic / rt_set_ic in rt.h).
 *
 * A shape is immutable and shared (transitions key -> child shape) until an object has many keys
 * or deletes one; then the object gets a private "dict" shape that it mutates in place. Inline
 * caches never remember dict shapes. Any change to an object used as a prototype bumps rt_epoch,
 * which invalidates every cached prototype lookup.
 */
#include "internal.h"

uint32_t rt_epoch = 1;
#define DICT_AFTER 64
#define MAX_TRANS 64

/* ---- shapes ---- */
static rt_shape *shape_alloc(uint32_t cap) {
	rt_shape *s = (rt_shape *)rt_alloc(sizeof(rt_shape) + (size_t)cap * sizeof(rt_prop), RT_T_SHAPE);
	s->cap = cap;
	return s;
}

/* proto -> root shape, pairs, open addressing on pointer; 0 = empty (a new buffer is zeroed); the
 * first table is static (rt_gc_mark_table) */
static struct { rt_valbuf b; rt_value v[128]; } roots0 = {.b = {.h = {.type = RT_T_VALBUF, .mark = 1}, .cap = 128}};
static rt_valbuf *roots_tab = &roots0.b;
static uint32_t roots_n;
static rt_shape *null_root;
static void shapes_root(void) { rt_gc_mark_table(roots_tab); rt_gc_mark_ptr(null_root); }

static uint32_t ptr_hash(rt_value v) { return (uint32_t)((v >> 4) * 2654435761u); }

/* the entry of proto in tab (cap counts values: 2 per entry): its own, or the empty one to fill */
static rt_value *roots_slot(rt_valbuf *tab, rt_value proto) {
	uint32_t m = tab->cap / 2 - 1, j = ptr_hash(proto) & m;
	while (tab->v[2 * j] && tab->v[2 * j] != proto) j = (j + 1) & m;
	return &tab->v[2 * j];
}

rt_shape *rt_shape_root(rt_value proto) {
	if (!rt_is_obj(proto)) {
		if (!null_root) { null_root = shape_alloc(0); null_root->proto = RT_NULL; }
		return null_root;
	}
	if ((roots_n + 1) * 2 > roots_tab->cap / 2) {
		uint32_t ncap = roots_tab->cap * 2;
		rt_valbuf *nb = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)ncap * 8, RT_T_VALBUF);
		nb->cap = ncap;
		for (uint32_t i = 0; i < roots_tab->cap; i += 2)
			if (roots_tab->v[i]) RT_MEMCPY(roots_slot(nb, roots_tab->v[i]), &roots_tab->v[i], 16);
		roots_tab = nb;
	}
	rt_value *e = roots_slot(roots_tab, proto);
	if (*e) return (rt_shape *)rt_ptr(e[1]);
	rt_shape *s = shape_alloc(0);
	s->proto = proto;
	((rt_hdr *)rt_ptr(proto))->flags |= RT_F_PROTO;
	e[0] = proto;
	e[1] = rt_box_ptr(s);
	roots_n++;
	return s;
}

static void build_index(rt_shape *s) {
	uint32_t n = 16;
	while (n < s->nkeys * 2) n *= 2;
	rt_rawbuf *ix = (rt_rawbuf *)rt_alloc(sizeof(rt_rawbuf) + (size_t)n * 4, RT_T_RAWBUF);
	ix->len = n;
	int32_t *t = (int32_t *)ix->b;
	for (uint32_t i = 0; i < s->nkeys; i++) {
		uint32_t j = rt_str_hash(s->props[i].key) & (n - 1);
		while (t[j]) j = (j + 1) & (n - 1);
		t[j] = (int32_t)i + 1;
	}
	s->index = ix;
}

int rt_shape_find(rt_shape *s, rt_string *key) {
	uint32_t n = s->nkeys;
	if (n <= 8) {
		for (uint32_t i = 0; i < n; i++)
			if (s->props[i].key == key) return (int)i;
		return -1;
	}
	if (!s->index) build_index(s);
	uint32_t m = s->index->len - 1, j = rt_str_hash(key) & m;
	int32_t *t = (int32_t *)s->index->b;
	while (t[j]) {
		if (s->props[t[j] - 1].key == key) return t[j] - 1;
		j = (j + 1) & m;
	}
	return -1;
}

static rt_shape *make_dict(rt_shape *s, uint32_t extra) {
	rt_shape *d = shape_alloc(s->nkeys + extra + 8);
	d->proto = s->proto;
	d->dict = 1;
	d->nkeys = s->nkeys;
	RT_MEMCPY(d->props, s->props, s->nkeys * sizeof(rt_prop));
	return d;
}

/* the shape after adding key: returns a shared child, or a (new) dict shape */
static rt_shape *shape_add(rt_shape *s, rt_string *key, uint32_t attrs) {
	if (s->dict) {
		if (s->nkeys == s->cap) {
			s = make_dict(s, s->nkeys);
		}
		s->props[s->nkeys].key = key;
		s->props[s->nkeys].attrs = attrs;
		s->nkeys++;
		if (s->index) {
			if (s->nkeys * 2 > s->index->len) build_index(s);
			else {
				uint32_t m = s->index->len - 1, j = rt_str_hash(key) & m;
				int32_t *t = (int32_t *)s->index->b;
				while (t[j]) j = (j + 1) & m;
				t[j] = (int32_t)s->nkeys;
			}
		}
		return s;
	}
	for (uint32_t i = 0; i < s->ntrans; i++) {
		rt_shape *c = (rt_shape *)rt_ptr(s->trans->v[2 * i + 1]);
		if ((rt_string *)rt_ptr(s->trans->v[2 * i]) == key && c->props[c->nkeys - 1].attrs == attrs) return c;
	}
	if (s->nkeys >= DICT_AFTER || s->ntrans >= MAX_TRANS) {
		rt_shape *d = make_dict(s, 8);
		return shape_add(d, key, attrs);
	}
	rt_shape *c = shape_alloc(s->nkeys + 1);
	c->proto = s->proto;
	c->parent = s;
	c->nkeys = s->nkeys + 1;
	RT_MEMCPY(c->props, s->props, s->nkeys * sizeof(rt_prop));
	c->props[s->nkeys].key = key;
	c->props[s->nkeys].attrs = attrs;
	if (!s->trans || s->ntrans * 2 + 2 > s->trans->cap) {
		uint32_t nc = s->trans ? s->trans->cap * 2 : 4;
		rt_valbuf *nb = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)nc * 8, RT_T_VALBUF);
		nb->cap = nc;
		for (uint32_t i = 0; i < nc; i++) nb->v[i] = RT_UNDEF;
		if (s->trans) RT_MEMCPY(nb->v, s->trans->v, (size_t)s->ntrans * 16);
		s->trans = nb;
	}
	s->trans->v[2 * s->ntrans] = rt_box_ptr(key);
	s->trans->v[2 * s->ntrans + 1] = rt_box_ptr(c);
	s->ntrans++;
	return c;
}

/* ---- objects ---- */
static rt_valbuf *slots_alloc(uint32_t n) {
	rt_valbuf *b = (rt_valbuf *)rt_alloc(sizeof(rt_valbuf) + (size_t)n * 8, RT_T_VALBUF);
	b->cap = n;
	for (uint32_t i = 0; i < n; i++) b->v[i] = RT_UNDEF;
	return b;
}

rt_value rt_obj_new_sized(rt_value proto, uint32_t nslots) {
	rt_shape *root = rt_shape_root(proto);
	rt_object *o = (rt_object *)rt_alloc(sizeof(rt_object), RT_T_OBJECT);
	o->shape = root;
	o->slots = slots_alloc(nslots ? nslots : 4);
	return rt_box_ptr(o);
}
rt_value rt_obj_new(rt_value proto) { return rt_obj_new_sized(proto, 4); }
rt_value rt_object_proto(void) { return rt_proto_object; }

/* initializes the object part of a special object (array, function, map, ...) */
void rt_obj_init(rt_object *o, rt_value proto) {
	o->shape = rt_shape_root(proto);
	o->slots = 0;
}

/* a built-in object to be filled on first use (internal.h): a private empty dict shape until then */
static void make_lazy(rt_object *o, rt_value proto) {
	rt_shape *s = shape_alloc(0);
	s->proto = proto;
	s->dict = 1;
	o->shape = s;
	o->h.flags |= RT_F_LAZY;
}
void rt_obj_make_lazy(rt_value v) {
	rt_object *o = (rt_object *)rt_ptr(v);
	make_lazy(o, o->shape->proto);
}
/* (its prototype gets no root shape, nor RT_F_PROTO, until rt_obj_unlazy: no inline cache remembers
 * a lookup through a lazy object, and every lookup fills it first) */
rt_value rt_obj_lazy(rt_value proto) {
	rt_object *o = (rt_object *)rt_alloc(sizeof(rt_object), RT_T_OBJECT);
	make_lazy(o, proto);
	return rt_box_ptr(o);
}
/* before its filler runs: the object is on its prototype's shared root shape again */
void rt_obj_unlazy(rt_value v) {
	rt_object *o = (rt_object *)rt_ptr(v);
	o->h.flags &= (uint16_t)~RT_F_LAZY;
	o->shape = rt_shape_root(o->shape->proto);
}

static void ensure_slots(rt_object *o, uint32_t n) {
	uint32_t cap = o->slots ? o->slots->cap : 0;
	if (n <= cap) return;
	uint32_t nc = cap < 4 ? 4 : cap * 2;
	while (nc < n) nc *= 2;
	rt_valbuf *b = slots_alloc(nc);
	if (o->slots) RT_MEMCPY(b->v, o->slots->v, (size_t)cap * 8);
	o->slots = b;
}

static void add_prop(rt_object *o, rt_string *key, rt_value v, uint32_t attrs, rt_ic *ic) {
	if (o->h.flags & RT_F_NOEXT) {
		rt_throw_errv("TypeError", rt_concat(rt_concat(rt_str_c("Cannot add property "), rt_box_ptr(key)),
			rt_str_c(", object is not extensible")));
	}
	rt_shape *old = o->shape;
	rt_shape *ns = shape_add(old, key, attrs);
	uint32_t slot = ns->nkeys - 1;
	ensure_slots(o, ns->nkeys);
	o->shape = ns;
	o->slots->v[slot] = v;
	if (o->h.flags & RT_F_PROTO) rt_epoch++;
	if (ic && !ns->dict && !old->dict) {
		ic->shape = old;
		ic->nshape = ns;
		ic->holder = 0;
		ic->slot = slot;
		ic->epoch = rt_epoch;
	}
}

rt_value rt_get_proto(rt_value o) {
	if (rt_is_obj(o)) return ((rt_object *)rt_ptr(o))->shape->proto;
	return rt_to_object_proto(o);
}

rt_value rt_to_object_proto(rt_value v) {
	if (rt_is_num(v)) return rt_proto_number;
	if (rt_is_str(v)) return rt_proto_string;
	if (rt_is_bool(v)) return rt_proto_boolean;
	if (rt_is_obj(v)) return ((rt_object *)rt_ptr(v))->shape->proto;
	return RT_NULL;
}

static rt_value call_getter(rt_value pair, rt_value receiver) {
	rt_valbuf *b = (rt_valbuf *)rt_ptr(pair);
	if (b->v[0] == RT_UNDEF) return RT_UNDEF;
	return rt_call(b->v[0], receiver, 0, 0);
}

static void throw_nullish_read(rt_value o, rt_string *key) {
	rt_throw_errv("TypeError", rt_concat(rt_concat(rt_str_c(o == RT_NULL ? "Cannot read properties of null (reading '" :
		"Cannot read properties of undefined (reading '"), rt_box_ptr(key)), rt_str_c("')")));
}

/* special own properties of exotic objects; returns 1 and *out if handled */
static int exotic_get(rt_value o, rt_string *key, rt_value *out) {
	if (rt_is_str(o)) {
		rt_string *so = (rt_string *)rt_ptr(o);
		if ((so->h.flags & RT_F_SYMBOL) && key == rt_atom_c("description")) {
			/* a symbol's text is "Symbol(desc)" */
			*out = rt_substr(o, 7, rt_str_len(o) - 1);
			return 1;
		}
		if (key == rt_atom_length) { *out = rt_num(rt_str_len(o)); return 1; }
		if (key->h.flags & RT_F_INDEX) {
			uint32_t i;
			rt_str_is_index(key, &i);
			*out = rt_str_at(o, i);
			return 1;
		}
		return 0;
	}
	if (!rt_is_obj(o)) return 0;
	rt_hdr *h = (rt_hdr *)rt_ptr(o);
	switch (h->type) {
	case RT_T_ARRAY:
		if (key == rt_atom_length) { *out = rt_num(((rt_array *)h)->len); return 1; }
		if (key->h.flags & RT_F_INDEX) {
			uint32_t i;
			rt_str_is_index(key, &i);
			*out = rt_aget(o, i);
			return 1;
		}
		return 0;
	case RT_T_TYPEDARRAY:
		if (key->h.flags & RT_F_INDEX) {
			uint32_t i;
			rt_str_is_index(key, &i);
			rt_typed *t = (rt_typed *)h;
			*out = i < t->length ? rt_num(rt_tget(o, i)) : RT_UNDEF;
			return 1;
		}
		return 0;
	default: return 0;
	}
}

rt_value rt_get_from(rt_value o, rt_string *key, rt_value receiver) {
	rt_value cur = o;
	for (int depth = 0; depth < 10000; depth++) {
		if (!rt_is_obj(cur)) return RT_UNDEF;
		rt_object *ob = (rt_object *)rt_ptr(cur);
		rt_fill(ob);
		int i = rt_shape_find(ob->shape, key);
		if (i < 0 && cur == rt_global_obj && rt_global_lazy(key)) i = rt_shape_find(ob->shape, key);
		if (i >= 0) {
			rt_value v = ob->slots->v[i];
			if (ob->shape->props[i].attrs & RT_P_ACCESSOR) return call_getter(v, receiver);
			return v;
		}
		if (ob->h.type == RT_T_FUNCTION) {
			rt_function *f = (rt_function *)ob;
			if (key == rt_atom_name) return rt_func_name(f);
			if (key == rt_atom_length) return rt_num(f->length);
		}
		cur = ob->shape->proto;
	}
	return RT_UNDEF;
}

rt_value rt_get_slow(rt_value o, rt_string *key, rt_ic *ic) {
	rt_value r;
	if (!rt_is_obj(o)) {
		if (rt_is_nullish(o)) throw_nullish_read(o, key);
		if (exotic_get(o, key, &r)) return r;
		return rt_get_from(rt_to_object_proto(o), key, o);
	}
	if (exotic_get(o, key, &r)) return r;
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_object *cur = ob;
	for (int depth = 0; depth < 10000; depth++) {
		rt_fill(cur);
		int i = rt_shape_find(cur->shape, key);
		if (i < 0 && cur == (rt_object *)rt_ptr(rt_global_obj) && rt_global_lazy(key)) i = rt_shape_find(cur->shape, key);
		if (i >= 0) {
			rt_value v = cur->slots->v[i];
			if (cur->shape->props[i].attrs & RT_P_ACCESSOR) return call_getter(v, o);
			if (ic && !ob->shape->dict && !cur->shape->dict) {
				ic->shape = ob->shape;
				ic->nshape = 0;
				ic->holder = cur == ob ? 0 : cur;
				ic->slot = (uint32_t)i;
				ic->epoch = rt_epoch;
			}
			return v;
		}
		if (cur->h.type == RT_T_FUNCTION) {
			rt_function *f = (rt_function *)cur;
			if (key == rt_atom_name) return rt_func_name(f);
			if (key == rt_atom_length) return rt_num(f->length);
		}
		rt_value p = cur->shape->proto;
		if (!rt_is_obj(p)) return RT_UNDEF;
		cur = (rt_object *)rt_ptr(p);
	}
	return RT_UNDEF;
}

rt_value rt_get(rt_value o, rt_string *key) { return rt_get_slow(o, key, 0); }
rt_value rt_obj_get_c(rt_value o, const char *key) { return rt_get(o, rt_atom_c(key)); }

/* assignment through an accessor property (own or inherited): its setter, or the TypeError of a getter-only one */
static void call_setter(rt_value accessor, rt_string *key, rt_value o, rt_value v) {
	rt_valbuf *b = (rt_valbuf *)rt_ptr(accessor);
	if (b->v[1] == RT_UNDEF) rt_throw_errv("TypeError", rt_concat(rt_concat(rt_str_c("Cannot set property "), rt_box_ptr(key)),
		rt_str_c(" of #<Object> which has only a getter")));
	rt_value args[1] = {v};
	rt_call(b->v[1], o, 1, args);
}

static void throw_readonly(rt_string *key) {
	rt_throw_errv("TypeError", rt_concat(rt_concat(rt_str_c("Cannot assign to read only property '"), rt_box_ptr(key)),
		rt_str_c("' of object")));
}

void rt_set_slow(rt_value o, rt_string *key, rt_value v, rt_ic *ic) {
	if (!rt_is_obj(o)) {
		if (rt_is_nullish(o))
			rt_throw_errv("TypeError", rt_concat(rt_concat(rt_str_c(o == RT_NULL ? "Cannot set properties of null (setting '" :
				"Cannot set properties of undefined (setting '"), rt_box_ptr(key)), rt_str_c("')")));
		rt_throw_type("Cannot create property on a primitive value");
	}
	rt_object *ob = (rt_object *)rt_ptr(o);
	if (ob->h.type == RT_T_ARRAY) {
		if (key == rt_atom_length) { rt_array_set_length(o, rt_tonum(v)); return; }
		if (key->h.flags & RT_F_INDEX) {
			uint32_t i;
			rt_str_is_index(key, &i);
			if (ob->h.flags & RT_F_FROZEN) throw_readonly(key);
			rt_aset(o, i, v);
			return;
		}
	} else if (ob->h.type == RT_T_TYPEDARRAY && (key->h.flags & RT_F_INDEX)) {
		uint32_t i;
		rt_str_is_index(key, &i);
		rt_tset(o, i, rt_tonum(v));
		return;
	}
	if (o == rt_global_obj) rt_global_lazy_all();
	rt_fill(ob);
	int i = rt_shape_find(ob->shape, key);
	if (i >= 0) {
		uint32_t a = ob->shape->props[i].attrs;
		if (a & RT_P_ACCESSOR) {
			call_setter(ob->slots->v[i], key, o, v);
			return;
		}
		if (a & RT_P_READONLY) throw_readonly(key);
		ob->slots->v[i] = v;
		if (ic && !ob->shape->dict) {
			ic->shape = ob->shape;
			ic->nshape = 0;
			ic->holder = 0;
			ic->slot = (uint32_t)i;
			ic->epoch = rt_epoch;
		}
		return;
	}
	/* a setter or read-only property on the prototype chain? */
	rt_value p = ob->shape->proto;
	while (rt_is_obj(p)) {
		rt_object *po = (rt_object *)rt_ptr(p);
		rt_fill(po);
		int j = rt_shape_find(po->shape, key);
		if (j >= 0) {
			uint32_t a = po->shape->props[j].attrs;
			if (a & RT_P_ACCESSOR) {
				call_setter(po->slots->v[j], key, o, v);
				return;
			}
			if (a & RT_P_READONLY) throw_readonly(key);
			break;
		}
		p = po->shape->proto;
	}
	add_prop(ob, key, v, RT_P_ENUM, ic);
}

void rt_set(rt_value o, rt_string *key, rt_value v) { rt_set_slow(o, key, v, 0); }
void rt_obj_set_c(rt_value o, const char *key, rt_value v) { rt_set(o, rt_atom_c(key), v); }

/* rt_define of n new keys (attributes 0) at once: one shape with all of them, not a chain of n
 * shapes (this shape is not shared through transitions; built-in objects are one of a kind) */
void rt_define_all(rt_value o, rt_string *const *keys, const rt_value *vals, uint32_t n) {
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	rt_shape *s = ob->shape;
	int fresh = !s->dict && s->nkeys + n <= DICT_AFTER;
	for (uint32_t i = 0; fresh && i < n; i++) {
		if (rt_shape_find(s, keys[i]) >= 0) fresh = 0;
		for (uint32_t j = 0; fresh && j < i; j++) fresh = keys[j] != keys[i];
	}
	if (!fresh) {
		for (uint32_t i = 0; i < n; i++) rt_define(o, keys[i], vals[i], 0);
		return;
	}
	rt_shape *c = shape_alloc(s->nkeys + n);
	c->proto = s->proto;
	c->parent = s;
	c->nkeys = s->nkeys + n;
	RT_MEMCPY(c->props, s->props, s->nkeys * sizeof(rt_prop));
	ensure_slots(ob, c->nkeys);
	for (uint32_t i = 0; i < n; i++) {
		c->props[s->nkeys + i].key = keys[i];
		c->props[s->nkeys + i].attrs = 0;
		ob->slots->v[s->nkeys + i] = vals[i];
	}
	ob->shape = c;
	if (ob->h.flags & RT_F_PROTO) rt_epoch++;
}

void rt_define(rt_value o, rt_string *key, rt_value v, uint32_t attrs) {
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	int i = rt_shape_find(ob->shape, key);
	if (i >= 0) {
		if (ob->shape->props[i].attrs != attrs) {
			if (!ob->shape->dict) ob->shape = make_dict(ob->shape, 4);
			ob->shape->props[i].attrs = attrs;
			rt_epoch++;
		}
		ob->slots->v[i] = v;
		return;
	}
	add_prop(ob, key, v, attrs, 0);
}

void rt_define_slow_ic(rt_value o, rt_string *key, rt_value v, rt_ic *ic) {
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	if (rt_shape_find(ob->shape, key) >= 0 || (ob->h.flags & (RT_F_PROTO | RT_F_NOEXT))) rt_define(o, key, v, RT_P_ENUM);
	else add_prop(ob, key, v, RT_P_ENUM, ic);
}

void rt_define_accessor(rt_value o, rt_string *key, rt_value getter, rt_value setter, uint32_t attrs) {
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	int i = rt_shape_find(ob->shape, key);
	if (i >= 0 && (ob->shape->props[i].attrs & RT_P_ACCESSOR)) {
		rt_valbuf *b = (rt_valbuf *)rt_ptr(ob->slots->v[i]);
		if (getter != RT_UNDEF) b->v[0] = getter;
		if (setter != RT_UNDEF) b->v[1] = setter;
		rt_epoch++;
		return;
	}
	rt_valbuf *b = slots_alloc(2);
	b->v[0] = getter;
	b->v[1] = setter;
	rt_define(o, key, rt_box_ptr(b), attrs | RT_P_ACCESSOR);
}

int rt_has_own(rt_value o, rt_string *key) {
	if (!rt_is_obj(o)) return 0;
	rt_value r;
	if (exotic_get(o, key, &r)) {
		rt_hdr *h = (rt_hdr *)rt_ptr(o);
		if (h->type == RT_T_ARRAY && key != rt_atom_length) {
			uint32_t i;
			rt_str_is_index(key, &i);
			rt_array *a = (rt_array *)h;
			return i < a->len && a->items->v[i] != RT_HOLE;
		}
		return 1;
	}
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	if (rt_shape_find(ob->shape, key) >= 0) return 1;
	return o == rt_global_obj && rt_global_lazy(key);
}

int rt_has(rt_value o, rt_string *key) {
	if (!rt_is_obj(o)) rt_throw_type("Cannot use 'in' operator to search for a key in a primitive");
	for (rt_value cur = o; rt_is_obj(cur); cur = ((rt_object *)rt_ptr(cur))->shape->proto) {
		if (rt_has_own(cur, key)) return 1;
		if (((rt_hdr *)rt_ptr(cur))->type == RT_T_FUNCTION && (key == rt_atom_name || key == rt_atom_length)) return 1;
	}
	return 0;
}

int rt_delete(rt_value o, rt_string *key) {
	if (!rt_is_obj(o)) return 1;
	if (o == rt_global_obj) rt_global_lazy_all();
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	if (ob->h.type == RT_T_ARRAY && (key->h.flags & RT_F_INDEX)) {
		uint32_t i;
		rt_str_is_index(key, &i);
		rt_array *a = (rt_array *)ob;
		if (i < a->len) a->items->v[i] = RT_HOLE;
		return 1;
	}
	int i = rt_shape_find(ob->shape, key);
	if (i < 0) return 1;
	if (ob->h.flags & RT_F_FROZEN)
		rt_throw_errv("TypeError", rt_concat(rt_concat(rt_str_c("Cannot delete property '"), rt_box_ptr(key)), rt_str_c("' of #<Object>")));
	rt_shape *d = ob->shape->dict ? ob->shape : make_dict(ob->shape, 0);
	for (uint32_t k = (uint32_t)i; k + 1 < d->nkeys; k++) {
		d->props[k] = d->props[k + 1];
		ob->slots->v[k] = ob->slots->v[k + 1];
	}
	d->nkeys--;
	ob->slots->v[d->nkeys] = RT_UNDEF;
	d->index = 0;
	ob->shape = d;
	rt_epoch++;
	return 1;
}

/* ---- computed keys ---- */
static rt_string *to_key(rt_value k) {
	if (rt_is_num(k)) {
		double d = rt_dbl(k);
		uint32_t i = (uint32_t)d;
		if ((double)i == d && i != 0xFFFFFFFFu) return rt_atom_index(i);
	}
	if (rt_is_obj(k) && (((rt_hdr *)rt_ptr(k))->flags & RT_F_SYMBOL)) {
		/* symbols are keyed by their description atom, made unique by a prefix */
		return (rt_string *)rt_ptr(rt_get(k, rt_atom_c("__key")));
	}
	return rt_atom(rt_tostring(k));
}

rt_value rt_get_index(rt_value o, rt_value k) {
	if (rt_is_ptr(o) && rt_is_num(k)) {
		int t = rt_ptr_type(o);
		if (t == RT_T_ARRAY) return rt_aget(o, rt_dbl(k));
		if (t == RT_T_TYPEDARRAY) {
			rt_typed *ta = (rt_typed *)rt_ptr(o);
			double d = rt_dbl(k);
			if (d >= 0 && d < ta->length && d == (double)(uint32_t)d) return rt_num(rt_tget(o, d));
			return RT_UNDEF;
		}
		if (t <= RT_T_ROPE) return rt_str_at(o, rt_dbl(k));
	}
	if (rt_is_nullish(o)) throw_nullish_read(o, rt_atom(rt_tostring(k)));
	return rt_get(o, to_key(k));
}

void rt_set_index(rt_value o, rt_value k, rt_value v) {
	if (rt_is_ptr(o) && rt_is_num(k)) {
		int t = rt_ptr_type(o);
		if (t == RT_T_ARRAY && !(((rt_hdr *)rt_ptr(o))->flags & RT_F_FROZEN)) { rt_aset(o, rt_dbl(k), v); return; }
		if (t == RT_T_TYPEDARRAY) { rt_tset(o, rt_dbl(k), rt_tonum(v)); return; }
	}
	rt_set(o, to_key(k), v);
}

/* ---- keys ---- */
rt_value rt_own_keys(rt_value o) {
	rt_value out = rt_array_new(0, 8);
	if (rt_is_str(o)) {
		uint32_t n = rt_str_len(o);
		for (uint32_t i = 0; i < n; i++) rt_array_push(out, rt_box_ptr(rt_atom_index(i)));
		return out;
	}
	if (!rt_is_obj(o)) return out;
	rt_object *ob = (rt_object *)rt_ptr(o);
	rt_fill(ob);
	if (ob->h.type == RT_T_ARRAY) {
		rt_array *a = (rt_array *)ob;
		for (uint32_t i = 0; i < a->len; i++)
			if (a->items->v[i] != RT_HOLE) rt_array_push(out, rt_num_to_str(i));
	} else if (ob->h.type == RT_T_TYPEDARRAY) {
		rt_typed *t = (rt_typed *)ob;
		for (uint32_t i = 0; i < t->length; i++) rt_array_push(out, rt_num_to_str(i));
	}
	/* integer keys ascending first, then the rest in insertion order */
	rt_shape *s = ob->shape;
	uint32_t nidx = 0;
	for (uint32_t i = 0; i < s->nkeys; i++)
		if ((s->props[i].attrs & RT_P_ENUM) && (s->props[i].key->h.flags & RT_F_INDEX)) nidx++;
	if (nidx) {
		uint32_t start = ((rt_array *)rt_ptr(out))->len;
		for (uint32_t i = 0; i < s->nkeys; i++)
			if ((s->props[i].attrs & RT_P_ENUM) && (s->props[i].key->h.flags & RT_F_INDEX)) {
				uint32_t v, k;
				rt_str_is_index(s->props[i].key, &v);
				rt_array_push(out, rt_box_ptr(s->props[i].key));
				rt_array *a = (rt_array *)rt_ptr(out);
				for (k = a->len - 1; k > start; k--) {
					uint32_t w;
					rt_str_is_index((rt_string *)rt_ptr(a->items->v[k - 1]), &w);
					if (w <= v) break;
					rt_value t = a->items->v[k];
					a->items->v[k] = a->items->v[k - 1];
					a->items->v[k - 1] = t;
				}
			}
	}
	for (uint32_t i = 0; i < s->nkeys; i++)
		if ((s->props[i].attrs & RT_P_ENUM) && !(s->props[i].key->h.flags & (RT_F_INDEX | RT_F_SYMBOL)))
			rt_array_push(out, rt_box_ptr(s->props[i].key));
	return out;
}

rt_value rt_forin_keys(rt_value o) {
	if (rt_is_nullish(o)) return rt_array_new(0, 0);
	rt_value keys = rt_own_keys(o);
	/* inherited enumerable keys (rare: prototypes of classes have only non-enumerable methods) */
	rt_value p = rt_get_proto(o);
	while (rt_is_obj(p)) {
		rt_value more = rt_own_keys(p);
		rt_array *m = (rt_array *)rt_ptr(more);
		for (uint32_t i = 0; i < m->len; i++) {
			rt_value k = m->items->v[i];
			rt_array *a = (rt_array *)rt_ptr(keys);
			int dup = 0;
			for (uint32_t j = 0; j < a->len; j++) if (rt_str_eq(a->items->v[j], k)) { dup = 1; break; }
			if (!dup && !rt_has_own(o, rt_atom(k))) rt_array_push(keys, k);
		}
		p = rt_get_proto(p);
	}
	return keys;
}

rt_value rt_spread_obj(rt_value dst, rt_value src) {
	if (rt_is_nullish(src)) return dst;
	if (rt_is_str(src)) {
		uint32_t n = rt_str_len(src);
		for (uint32_t i = 0; i < n; i++) rt_set(dst, rt_atom_index(i), rt_str_at(src, i));
		return dst;
	}
	if (!rt_is_obj(src)) return dst;
	rt_value keys = rt_own_keys(src);
	rt_array *a = (rt_array *)rt_ptr(keys);
	for (uint32_t i = 0; i < a->len; i++) {
		rt_string *k = rt_atom(a->items->v[i]);
		rt_define(dst, k, rt_get(src, k), RT_P_ENUM);
	}
	return dst;
}

int rt_instanceof(rt_value v, rt_value ctor) {
	if (!rt_is_func(ctor)) rt_throw_type("Right-hand side of 'instanceof' is not callable");
	if (!rt_is_obj(v)) return 0;
	rt_value proto = rt_get(ctor, rt_atom_prototype);
	rt_value p = rt_get_proto(v);
	while (rt_is_obj(p)) {
		if (p == proto) return 1;
		p = rt_get_proto(p);
	}
	return 0;
}

rt_value rt_super_get(rt_value home, rt_string *key, rt_value this_) {
	rt_value p = rt_get_proto(home);
	return rt_get_from(p, key, this_);
}

rt_value rt_class_name_of(rt_value o) {
	rt_value p = rt_get_proto(o);
	if (!rt_is_obj(p)) return RT_UNDEF;
	rt_object *po = (rt_object *)rt_ptr(p);
	rt_fill(po);
	int i = rt_shape_find(po->shape, rt_atom_constructor);
	if (i < 0) return RT_UNDEF;
	rt_value c = po->slots->v[i];
	if (!rt_is_func(c)) return RT_UNDEF;
	return rt_func_name((rt_function *)rt_ptr(c));
}

void rt_objects_init(void) { rt_gc_add_root_fn(shapes_root); }
