/* c-load: the simplest independent load generator, to show that `hello bench` is not the bottleneck, and to load
 * servers with a generator that owes nothing to Netty.
 * THREADS threads each repeat connect, send "Hello in C\n", read until the server closes, close; for WARMUP seconds
 * unmeasured (a JVM's JIT), then SECONDS measured, against 127.0.0.1:PORT only (loopback, by construction). Prints
 * the measured exchanges/s, errors, and latency p50/p99 (connect to close, 10 us buckets).
 * Build: gcc -O2 -pthread -o load load.c      Run: ./load PORT [THREADS] [SECONDS] [WARMUP] */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define BUCKET_US 10
#define BUCKETS 50000 /* up to 500 ms; longer lands in the last bucket */

struct counts { long ok, errors; long *latency; }; /* latency[BUCKETS]: measured exchanges per 10 us */

static int port;
static double seconds, warmup;
static struct timespec start;

static double elapsed(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - start.tv_sec) + (double)(t.tv_nsec - start.tv_nsec) / 1e9;
}

static void *worker(void *arg) {
    struct counts *counts = arg;
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = { .tv_sec = 5 };
    char buf[256];
    double began;
    while ((began = elapsed()) < warmup + seconds) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        size_t got = 0;
        ssize_t n = -1;
        if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 && send(fd, "Hello in C\n", 11, MSG_NOSIGNAL) == 11)
            while ((n = recv(fd, buf + got, sizeof buf - got, 0)) > 0) got += (size_t)n;
        close(fd);
        if (began < warmup) continue;
        if (n == 0 && got > 8 && memcmp(buf, "Goodbye ", 8) == 0 && buf[got - 1] == '\n') {
            counts->ok++;
            long b = (long)((elapsed() - began) * 1e6 / BUCKET_US);
            counts->latency[b < BUCKETS ? b : BUCKETS - 1]++;
        } else {
            counts->errors++;
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s PORT [THREADS] [SECONDS] [WARMUP]\n", argv[0]); return 2; }
    port = atoi(argv[1]);
    int threads = argc > 2 ? atoi(argv[2]) : 32;
    seconds = argc > 3 ? atof(argv[3]) : 10;
    warmup = argc > 4 ? atof(argv[4]) : 0;
    if (port <= 0 || port > 65535 || threads < 1 || threads > 1024 || seconds <= 0 || seconds > 600 || warmup < 0
        || warmup > 600) {
        fprintf(stderr, "usage: %s PORT [THREADS 1-1024] [SECONDS 0-600] [WARMUP 0-600]\n", argv[0]);
        return 2;
    }
    pthread_t *ts = calloc((size_t)threads, sizeof *ts);
    struct counts *counts = calloc((size_t)threads, sizeof *counts);
    long *latency = calloc(BUCKETS, sizeof *latency);
    if (!ts || !counts || !latency) { perror("calloc"); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < threads; i++) {
        counts[i].latency = calloc(BUCKETS, sizeof *latency);
        if (!counts[i].latency) { perror("calloc"); return 1; }
        pthread_create(&ts[i], NULL, worker, &counts[i]);
    }
    long ok = 0, errors = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(ts[i], NULL);
        ok += counts[i].ok;
        errors += counts[i].errors;
        for (int b = 0; b < BUCKETS; b++) latency[b] += counts[i].latency[b];
    }
    double took = elapsed() - warmup; /* the last exchanges end after the measured part: counted over its length */
    double p[2] = { 0.5, 0.99 }, ms[2] = { 0, 0 };
    for (int q = 0; q < 2; q++) {
        long seen = 0, rank = (long)(p[q] * (double)ok + 0.999999);
        for (int b = 0; b < BUCKETS; b++) {
            seen += latency[b];
            if (seen >= rank && rank > 0) { ms[q] = (b + 1) * BUCKET_US / 1000.0; break; }
        }
    }
    printf("c-load: %d threads, %.1f s: %ld exchanges, %.0f exchanges/s, %ld errors, p50 %.2f ms, p99 %.2f ms\n",
           threads, took, ok, ok / took, errors, ms[0], ms[1]);
    return 0;
}
