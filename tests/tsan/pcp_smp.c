// SPDX-License-Identifier: GPL-2.0
/*
 * The real mm/ with threads as CPUs: each thread sets its CPU number (what
 * smp_processor_id() answers on the host: host_cpu) and uses the allocator exactly
 * as a kernel CPU would, all at once.  Built three ways (Makefile):
 * ThreadSanitizer and ASan/UBSan for `make test-tsan` (part of make check),
 * and -O2 without checks for the scaling figures.
 *
 *   pcp_smp stress [threads] [ops]   every thread at once allocates and
 *	frees random orders 0..10 from every zone (GFP_DMA, GFP_KERNEL,
 *	GFP_HIGHUSER_MOVABLE), holds up to 64 blocks, stamps each page of a
 *	block with (cpu, sequence, page index) at both ends and checks the
 *	stamp before freeing it; thread 0 also drains every CPU's lists
 *	(drain_all_pages) now and then while the others run.  At the end:
 *	every block freed, drain_all_pages(), check_zone() of every zone
 *	clean, buddyinfo equal to the boot one (mm_fixture_at_boot_state()).
 *	Exit status 0 only if all that holds.
 *   pcp_smp slab [threads] [ops] [debug]   every thread at once kmallocs
 *	and kfrees random sizes 1..8192 (mm/slub.c), holds up to 64
 *	objects, stamps each with (cpu, sequence) at both ends and checks the
 *	stamp before the kfree; a quarter of the frees are another CPU's:
 *	the object goes through the next thread's mailbox and that thread
 *	checks and frees it (a free to a slab another CPU may have active).
 *	Thread 0 also shrinks kmalloc-64 (every CPU's slab flushed from
 *	CPU 0) now and then.  At the end: after kmem_cache_shrink(), every
 *	cache holds as many objects in use as before the run.  debug: boot
 *	with slub_debug (every check, red zone and poison on).
 *   pcp_smp bench [threads] [pairs] [nopcp]   order-0 alloc+free pairs
 *	on every thread at once, GFP_KERNEL; prints pairs per second in all
 *	and per thread; nopcp sends every request through zone->lock
 *	(zone_pcp_disable()).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/mmdebug.h>
#include <linux/slab.h>
#include "../../mm/internal.h"
#include "../../mm/slab.h"
#include "../kunit/mm_fixture.h"

#define MAX_THREADS	8
#define HELD		64

static struct mm_fixture fixture;
/* 256 MiB: DMA 16 MiB (too small for lists: batch 1, high 0), Normal to 192 MiB, HighMem 64 MiB */
static const struct mm_layout layout = {
	.name = "smp",
	.nr_pages = 65536,
	.zone_end = { 4096, 49152, 65536 },
	.reserved = { { 0, 1 } },
};

struct worker {
	pthread_t thread;
	unsigned int cpu;
	unsigned long ops, seq, allocs, failed, bad;
	unsigned long long pairs;
	unsigned int seed;
	double secs;
};

static struct worker workers[MAX_THREADS];
static unsigned long nr_ops;
static unsigned long long nr_pairs;
static volatile int start_flag;

static const gfp_t gfps[] = { GFP_DMA, GFP_KERNEL, GFP_HIGHUSER_MOVABLE };

static u32 stamp(const struct worker *w, unsigned long seq, unsigned long i)
{
	return (w->cpu << 28) ^ ((u32)seq << 8) ^ (u32)i;
}

/* the first and last 16 bytes of each page of the block */
static void fill(const struct worker *w, struct page *page, unsigned int order, unsigned long seq)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		u32 *p = __va(page_to_phys(page + i)), v = stamp(w, seq, i);

		p[0] = p[1] = p[2] = p[3] = v;
		p[1020] = p[1021] = p[1022] = p[1023] = ~v;
	}
}

static unsigned long check(const struct worker *w, struct page *page, unsigned int order,
			   unsigned long seq)
{
	unsigned long i, bad = 0;

	for (i = 0; i < (1UL << order); i++) {
		const u32 *p = __va(page_to_phys(page + i));
		u32 v = stamp(w, seq, i);

		if (p[0] != v || p[3] != v || p[1020] != ~v || p[1023] != ~v) {
			if (!bad)
				fprintf(stderr, "cpu %u: pfn 0x%05lx (page %lu of an order-%u block, seq %lu): pattern %08x/%08x, expected %08x\n",
					w->cpu, page_to_pfn(page + i), i, order, seq, p[0], p[1020], v);
			bad++;
		}
	}
	return bad;
}

static unsigned int rnd(struct worker *w)
{
	w->seed = w->seed * 1103515245u + 12345u;
	return w->seed >> 8;
}

static void start_cpu(struct worker *w)
{
	host_cpu = w->cpu;
	while (!__atomic_load_n(&start_flag, __ATOMIC_ACQUIRE))
		;
}

static void *stress_thread(void *arg)
{
	struct worker *w = arg;
	struct { struct page *page; unsigned int order; unsigned long seq; } held[HELD];
	unsigned int n = 0;

	start_cpu(w);
	while (w->ops < nr_ops) {
		unsigned int r = rnd(w);

		if (n && (n == HELD || (r & 1))) {
			unsigned int k = (r >> 1) % n;

			w->bad += check(w, held[k].page, held[k].order, held[k].seq);
			__free_pages(held[k].page, held[k].order);
			held[k] = held[--n];
		} else {
			unsigned int o = (r >> 4) % 16;	/* 0 half the time, 1-3 often, up to 10 */
			unsigned int order = o < 8 ? 0 : o < 13 ? o - 7 : o - 9;
			struct page *page;

			if (order > 10)
				order = 10;
			page = alloc_pages(gfps[(r >> 12) % 3], order);
			if (!page) {
				w->failed++;
			} else {
				held[n].page = page;
				held[n].order = order;
				held[n].seq = ++w->seq;
				fill(w, page, order, held[n].seq);
				n++;
				w->allocs++;
			}
		}
		w->ops++;
		if (w->cpu == 0 && w->ops % 4096 == 0)
			drain_all_pages(NULL);
	}
	while (n) {
		n--;
		w->bad += check(w, held[n].page, held[n].order, held[n].seq);
		__free_pages(held[n].page, held[n].order);
	}
	return NULL;
}

/* ---- the slab stress */

static void run(unsigned int threads, void *(*fn)(void *));

#define MAILBOX	256

/* objects another thread hands this one to free: a ring under a mutex */
static struct mailbox {
	pthread_mutex_t lock;
	unsigned int head, tail;
	struct held_obj { u32 *p; size_t size; u32 stamp; } obj[MAILBOX];
} mailboxes[MAX_THREADS];
static unsigned int nr_threads;

static void obj_fill(u32 *p, size_t size, u32 v)
{
	p[0] = v;
	if (size >= 8)
		p[size / 4 - 1] = ~v;
}

static unsigned long obj_check(const struct worker *w, const struct held_obj *h)
{
	const u32 *p = h->p;

	if (p[0] == h->stamp && (h->size < 8 || p[h->size / 4 - 1] == ~h->stamp))
		return 0;
	fprintf(stderr, "cpu %u: object %p of %zu bytes: stamp %08x/%08x, expected %08x\n",
		w->cpu, (void *)p, h->size, p[0], h->size >= 8 ? p[h->size / 4 - 1] : 0, h->stamp);
	return 1;
}

static bool mailbox_put(unsigned int cpu, const struct held_obj *h)
{
	struct mailbox *m = &mailboxes[cpu];
	bool ok;

	pthread_mutex_lock(&m->lock);
	ok = m->head - m->tail < MAILBOX;
	if (ok)
		m->obj[m->head++ % MAILBOX] = *h;
	pthread_mutex_unlock(&m->lock);
	return ok;
}

static bool mailbox_get(unsigned int cpu, struct held_obj *h)
{
	struct mailbox *m = &mailboxes[cpu];
	bool ok;

	pthread_mutex_lock(&m->lock);
	ok = m->head != m->tail;
	if (ok)
		*h = m->obj[m->tail++ % MAILBOX];
	pthread_mutex_unlock(&m->lock);
	return ok;
}

/* free what other CPUs sent this one */
static void mailbox_drain(struct worker *w)
{
	struct held_obj h;

	while (mailbox_get(w->cpu, &h)) {
		w->bad += obj_check(w, &h);
		kfree(h.p);
	}
}

static void *slab_thread(void *arg)
{
	struct worker *w = arg;
	struct held_obj held[HELD];
	unsigned int n = 0;

	start_cpu(w);
	while (w->ops < nr_ops) {
		unsigned int r = rnd(w);

		if (n && (n == HELD || (r & 1))) {
			unsigned int k = (r >> 1) % n;

			w->bad += obj_check(w, &held[k]);
			/* a quarter go to the next CPU to free */
			if (nr_threads == 1 || (r >> 8) % 4 ||
			    !mailbox_put((w->cpu + 1) % nr_threads, &held[k]))
				kfree(held[k].p);
			held[k] = held[--n];
		} else {
			/* mostly small, some up to kmalloc-8k */
			unsigned int c = (r >> 4) % 16;
			size_t size = c < 10 ? 4 + (r >> 8) % 124 : c < 14 ? 4 + (r >> 8) % 1020 :
				      4 + (r >> 8) % 8188;
			u32 *p = kmalloc(size, GFP_KERNEL);

			if (!p) {
				w->failed++;
			} else {
				held[n].p = p;
				held[n].size = size;
				held[n].stamp = (w->cpu << 28) ^ (u32)++w->seq;
				obj_fill(p, size, held[n].stamp);
				n++;
				w->allocs++;
			}
		}
		w->ops++;
		if (w->ops % 16 == 0)
			mailbox_drain(w);
		if (w->cpu == 0 && w->ops % 256 == 0)
			kmem_cache_shrink(kmalloc_slab(64));
	}
	while (n) {
		n--;
		w->bad += obj_check(w, &held[n]);
		kfree(held[n].p);
	}
	return NULL;
}

/* objects of @s in use: every slab's but the free ones of the partial slabs (CPU slabs flushed) */
static unsigned long slab_in_use(struct kmem_cache *s)
{
	const struct slab *slab;
	unsigned long free = 0;

	kmem_cache_shrink(s);
	list_for_each_entry(slab, &s->node.partial, slab_list)
		free += (PAGE_SIZE << compound_order(slab_page(slab))) / s->size - slab->inuse;
	return s->node.total_objects - free;
}

#define MAX_CACHES	32

static int slab_stress(unsigned int threads, bool debug)
{
	unsigned long before[MAX_CACHES], ops = 0, allocs = 0, failed = 0, bad = 0;
	struct kmem_cache *s;
	unsigned int i, nr = 0;
	int errors = 0;

	mm_fixture_no_watermarks(&fixture);
	kmem_cache_init(debug ? "" : NULL);
	list_for_each_entry(s, &slab_caches, list)
		if (nr < MAX_CACHES)
			before[nr++] = slab_in_use(s);
	nr_threads = threads;
	for (i = 0; i < threads; i++) {
		pthread_mutex_init(&mailboxes[i].lock, NULL);
		mailboxes[i].head = mailboxes[i].tail = 0;
	}
	run(threads, slab_thread);
	for (i = 0; i < threads; i++) {
		struct worker w = { .cpu = i };

		host_cpu = i;
		mailbox_drain(&w);	/* what was sent after its thread ended */
		bad += w.bad;
		ops += workers[i].ops;
		allocs += workers[i].allocs;
		failed += workers[i].failed;
		bad += workers[i].bad;
	}
	host_cpu = 0;
	i = 0;
	list_for_each_entry(s, &slab_caches, list) {
		unsigned long in_use;

		if (i >= nr)
			break;
		in_use = slab_in_use(s);
		if (in_use != before[i]) {
			fprintf(stderr, "pcp_smp slab: %s: %lu objects in use, %lu before the run\n",
				s->name, in_use, before[i]);
			errors++;
		}
		i++;
	}
	errors += bad != 0;
	printf("pcp_smp slab%s: %u threads, %lu operations (%lu kmallocs, %lu failed), %lu objects with a broken stamp, %d errors: %s\n",
	       debug ? " (slub_debug)" : "", threads, ops, allocs, failed, bad, errors,
	       errors ? "FAIL" : "ok");
	return errors;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *bench_thread(void *arg)
{
	struct worker *w = arg;
	unsigned long long i;
	double t0;

	start_cpu(w);
	t0 = now();
	for (i = 0; i < nr_pairs; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);

		if (!page) {
			w->failed++;
			continue;
		}
		__free_pages(page, 0);
	}
	w->secs = now() - t0;
	w->pairs = i;
	return NULL;
}

static void run(unsigned int threads, void *(*fn)(void *))
{
	unsigned int i;

	start_flag = 0;
	for (i = 0; i < threads; i++) {
		memset(&workers[i], 0, sizeof(workers[i]));
		workers[i].cpu = i;
		workers[i].seed = 0x5eed + i * 7919;
		if (pthread_create(&workers[i].thread, NULL, fn, &workers[i])) {
			perror("pthread_create");
			exit(2);
		}
	}
	__atomic_store_n(&start_flag, 1, __ATOMIC_RELEASE);
	for (i = 0; i < threads; i++)
		pthread_join(workers[i].thread, NULL);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "stress";
	unsigned int threads = argc > 2 ? (unsigned int)atoi(argv[2]) : 4, i;
	struct zone *zone;
	int errors = 0;

	if (threads < 1 || threads > MAX_THREADS) {
		fprintf(stderr, "pcp_smp: 1..%d threads\n", MAX_THREADS);
		return 2;
	}
	nr_cpu_ids = threads;
	if (mm_fixture_init(&fixture, &layout, 0, 0)) {
		fprintf(stderr, "pcp_smp: cannot build the node\n");
		return 2;
	}
	if (!strcmp(mode, "slab")) {
		nr_ops = argc > 3 ? strtoul(argv[3], NULL, 0) : 100000;
		errors = slab_stress(threads, argc > 4 && !strcmp(argv[4], "debug"));
	} else if (!strcmp(mode, "bench")) {
		unsigned long long total = 0;
		double secs = 0;
		bool nopcp = argc > 4 && !strcmp(argv[4], "nopcp");

		nr_pairs = argc > 3 ? strtoull(argv[3], NULL, 0) : 2000000;
		if (nopcp)
			for_each_zone_pgdat(zone, fixture.node)
				zone_pcp_disable(zone);
		run(threads, bench_thread);
		for (i = 0; i < threads; i++) {
			total += workers[i].pairs;
			secs = workers[i].secs > secs ? workers[i].secs : secs;
			errors += workers[i].failed != 0;
		}
		printf("pcp_smp bench: %u thread(s), pcp %s: %.1f M pairs/s in all, %.1f M per thread (%.2f s)\n",
		       threads, nopcp ? "off" : "on", total / secs / 1e6, total / secs / 1e6 / threads, secs);
	} else {
		unsigned long ops = 0, allocs = 0, failed = 0, bad = 0;

		nr_ops = argc > 3 ? strtoul(argv[3], NULL, 0) : 100000;
		run(threads, stress_thread);
		for (i = 0; i < threads; i++) {
			ops += workers[i].ops;
			allocs += workers[i].allocs;
			failed += workers[i].failed;
			bad += workers[i].bad;
		}
		drain_all_pages(NULL);
		for_each_zone_pgdat(zone, fixture.node)
			errors += check_zone(zone);
		if (!mm_fixture_at_boot_state(&fixture)) {
			fprintf(stderr, "pcp_smp: buddyinfo after drain differs from boot's: pages lost or not merged\n");
			errors++;
		}
		errors += bad != 0;
		printf("pcp_smp stress: %u threads, %lu operations (%lu allocations, %lu failed), %lu pages with a broken pattern, %d errors: %s\n",
		       threads, ops, allocs, failed, bad, errors, errors ? "FAIL" : "ok");
	}
	mm_fixture_destroy(&fixture);
	return errors ? 1 : 0;
}
