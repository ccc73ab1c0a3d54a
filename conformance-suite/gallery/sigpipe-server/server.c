/* sigpipe-server: good-server-c, but the reply is written as the student first wrote it, in two
 * write() calls ("Goodbye in C", then "\n") and without MSG_NOSIGNAL or signal(SIGPIPE, SIG_IGN).
 * A client that sends its hello and leaves without reading (printf 'Hello in X\n' | nc -q0 ...)
 * answers the first write with a reset, and the second write kills the whole server with SIGPIPE:
 * exit status 141, nothing on stderr. Every other client is served right.
 * Breaks: SRV-EMPTY-CONN.
 * Build: gcc -O2 -o server server.c */
#include <arpa/inet.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXC 200
struct conn { int fd; char buf[1027]; size_t len; long long last; } cs[MAXC];

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

/* "Hello in X": X is 1-64 UTF-8 characters, no spaces, no control characters */
static int is_hello(const char *s, size_t len) {
    char x[1026];
    if (len < 10 || len > 1024 || memcmp(s, "Hello in ", 9) != 0) return 0;
    for (size_t i = 9; i < len; i++)
        if ((unsigned char)s[i] <= ' ' || s[i] == 127) return 0;
    memcpy(x, s + 9, len - 9);
    x[len - 9] = 0;
    size_t n = mbstowcs(NULL, x, 0);           /* (size_t)-1 if not valid UTF-8 */
    return n >= 1 && n <= 64;
}

static void finish(struct conn *c, size_t len) {  /* answer buf[0..len), then close */
    char out[200];
    if (len > 0 && c->buf[len - 1] == '\r') len--;
    if (is_hello(c->buf, len)) {
        printf("%.*s\n", (int)len, c->buf);
        fflush(stdout);
        write(c->fd, "Goodbye in C", 12);
        write(c->fd, "\n", 1);
        close(c->fd);
        c->fd = -1;
        return;
    } else if (len > 1024) {
        snprintf(out, sizeof out, "Error: line longer than 1024 bytes\n");
    } else {
        snprintf(out, sizeof out, "Error: expected \"Hello in <language>\", got \"%.*s\"\n",
                 (int)(len < 100 ? len : 100), c->buf);
    }
    write(c->fd, out, strlen(out));
    close(c->fd);
    c->fd = -1;
}

static void on_data(struct conn *c) {
    ssize_t n = recv(c->fd, c->buf + c->len, sizeof c->buf - 1 - c->len, 0);
    if (n <= 0) {                               /* FIN, or reset by the client */
        if (n == 0 && c->len > 0) finish(c, c->len);
        else { close(c->fd); c->fd = -1; }
        return;
    }
    c->len += n;
    c->last = now_ms();
    char *nl;
    while ((nl = memchr(c->buf, '\n', c->len)) != NULL) {
        size_t l = nl - c->buf;
        if (l > 0 && !(l == 1 && c->buf[0] == '\r')) { finish(c, l); return; }
        c->len -= l + 1;                        /* empty line: drop it */
        memmove(c->buf, nl + 1, c->len);
    }
    if (c->len == sizeof c->buf - 1) finish(c, c->len);   /* 1026 bytes and no LF */
}

int main(int argc, char **argv) {
    int port = argc == 2 ? atoi(argv[1]) : 0, one = 1, zero = 0;
    if (port <= 0 || port > 65535 || strspn(argv[1], "0123456789") != strlen(argv[1])) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    int ls = socket(AF_INET6, SOCK_STREAM, 0);
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(ls, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);   /* IPv4 too */
    struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port), .sin6_addr = in6addr_any };
    if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, 64) < 0) {
        fprintf(stderr, "server: cannot listen on port %d: %s\n", port, strerror(errno));
        return 1;
    }
    fprintf(stderr, "listening on port %d\n", port);
    for (int i = 0; i < MAXC; i++) cs[i].fd = -1;
    for (;;) {
        struct pollfd p[MAXC + 1];
        int idx[MAXC + 1], n = 1;
        p[0] = (struct pollfd){ .fd = ls, .events = POLLIN };
        for (int i = 0; i < MAXC; i++)
            if (cs[i].fd >= 0) { p[n] = (struct pollfd){ .fd = cs[i].fd, .events = POLLIN }; idx[n++] = i; }
        poll(p, n, 100);
        for (int k = 1; k < n; k++)
            if (p[k].revents) on_data(&cs[idx[k]]);
        if (p[0].revents & POLLIN) {
            int fd = accept(ls, NULL, NULL), i = 0;
            while (i < MAXC && cs[i].fd >= 0) i++;
            if (i == MAXC) close(fd);           /* full: too bad for this one */
            else if (fd >= 0) cs[i] = (struct conn){ .fd = fd, .len = 0, .last = now_ms() };
        }
        for (int i = 0; i < MAXC; i++) {       /* quiet period and idle limit */
            struct conn *c = &cs[i];
            if (c->fd < 0) continue;
            long long quiet = now_ms() - c->last;
            size_t l = c->len > 0 && c->buf[c->len - 1] == '\r' ? c->len - 1 : c->len;
            if (quiet >= 300 && is_hello(c->buf, l)) finish(c, c->len);
            else if (quiet >= 30000) { close(c->fd); c->fd = -1; }
        }
    }
}
