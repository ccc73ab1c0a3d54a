/* c-load: the simplest independent load generator, to show that `hello bench` is not the bottleneck.
 * THREADS threads each repeat connect, send "Hello in C\n", read until the server closes, close; for
 * SECONDS seconds, against 127.0.0.1:PORT only (loopback, by construction). Prints exchanges/s and errors.
 * Build: gcc -O2 -pthread -o load load.c      Run: ./load PORT [THREADS] [SECONDS] */
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

static int port;
static double seconds;
static struct timespec start;

static double elapsed(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - start.tv_sec) + (double)(t.tv_nsec - start.tv_nsec) / 1e9;
}

static void *worker(void *arg) {
    long *counts = arg;                     /* [0] exchanges, [1] errors */
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = { .tv_sec = 5 };
    char buf[256];
    while (elapsed() < seconds) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        size_t got = 0;
        ssize_t n = -1;
        if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 && send(fd, "Hello in C\n", 11, MSG_NOSIGNAL) == 11)
            while ((n = recv(fd, buf + got, sizeof buf - got, 0)) > 0) got += (size_t)n;
        close(fd);
        if (n == 0 && got > 8 && memcmp(buf, "Goodbye ", 8) == 0 && buf[got - 1] == '\n') counts[0]++;
        else counts[1]++;
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s PORT [THREADS] [SECONDS]\n", argv[0]); return 2; }
    port = atoi(argv[1]);
    int threads = argc > 2 ? atoi(argv[2]) : 32;
    seconds = argc > 3 ? atof(argv[3]) : 10;
    if (port <= 0 || port > 65535 || threads < 1 || threads > 1024 || seconds <= 0 || seconds > 600) {
        fprintf(stderr, "usage: %s PORT [THREADS 1-1024] [SECONDS 0-600]\n", argv[0]);
        return 2;
    }
    pthread_t *ts = calloc((size_t)threads, sizeof *ts);
    long (*counts)[2] = calloc((size_t)threads, sizeof *counts);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < threads; i++) pthread_create(&ts[i], NULL, worker, counts[i]);
    long ok = 0, errors = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(ts[i], NULL);
        ok += counts[i][0];
        errors += counts[i][1];
    }
    double took = elapsed();
    printf("c-load: %d threads, %.1f s: %ld exchanges, %.0f exchanges/s, %ld errors\n", threads, took, ok, ok / took, errors);
    return 0;
}
