/* c-epoll-server: the benchmarks' baseline, a minimal single-threaded epoll server for the HelloInternet
 * protocol, profile basic: read one line, answer "Goodbye in C\n" to "Hello in X", close. It is the
 * yardstick for "the machine's limit", not a teaching example: it skips what a kind server does (the
 * 300 ms quiet period for a hello without LF, UTF-8 checks, an idle timeout) and prints nothing.
 * A line over 1024 bytes or not a hello gets one "Error: ..." line.
 * Build: gcc -O2 -o server server.c      Run: ./server PORT   (listens on 127.0.0.1 only) */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAXLINE 1024
struct conn { size_t len; char buf[MAXLINE + 2]; };
static struct conn **conns;     /* indexed by fd, allocated on first use, reused */
static int nconns;

static const char GOODBYE[] = "Goodbye in C\n";
static const char ERR_LONG[] = "Error: line longer than 1024 bytes\n";
static const char ERR_HELLO[] = "Error: expected \"Hello in <language>\"\n";

static void reply_close(int fd, const char *msg, size_t len) {
    (void)!send(fd, msg, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    close(fd);                  /* also removes fd from the epoll set */
}

static int is_hello(const char *s, size_t len) {
    if (len > 0 && s[len - 1] == '\r') len--;
    if (len < 10 || memcmp(s, "Hello in ", 9) != 0) return 0;
    for (size_t i = 9; i < len; i++)
        if ((unsigned char)s[i] <= ' ' || s[i] == 127) return 0;
    return 1;
}

static void on_readable(int fd) {
    struct conn *c = conns[fd];
    for (;;) {
        ssize_t n = recv(fd, c->buf + c->len, sizeof c->buf - c->len, 0);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n <= 0) { close(fd); return; }          /* EOF or reset before a line */
        char *nl = memchr(c->buf + c->len, '\n', (size_t)n);
        c->len += (size_t)n;
        if (nl) {
            if (is_hello(c->buf, (size_t)(nl - c->buf))) reply_close(fd, GOODBYE, sizeof GOODBYE - 1);
            else reply_close(fd, ERR_HELLO, sizeof ERR_HELLO - 1);
            return;
        }
        if (c->len == sizeof c->buf) { reply_close(fd, ERR_LONG, sizeof ERR_LONG - 1); return; }
    }
}

int main(int argc, char **argv) {
    int port = argc == 2 ? atoi(argv[1]) : -1, one = 1;
    if (port < 0 || port > 65535) { fprintf(stderr, "usage: %s PORT\n", argv[0]); return 2; }
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0) { rl.rlim_cur = rl.rlim_max; setrlimit(RLIMIT_NOFILE, &rl); }
    getrlimit(RLIMIT_NOFILE, &rl);
    nconns = (int)rl.rlim_cur;
    conns = calloc((size_t)nconns, sizeof *conns);

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 4096) < 0) {
        fprintf(stderr, "cannot listen on port %d: %s\n", port, strerror(errno));
        return 1;
    }
    fprintf(stderr, "c-epoll-server listening on 127.0.0.1 port %d\n", port);
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = lfd }, evs[256];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            if (fd != lfd) { on_readable(fd); continue; }
            for (;;) {
                int cfd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
                if (cfd < 0) break;                 /* EAGAIN, or EMFILE: try again on the next event */
                if (cfd >= nconns) { close(cfd); continue; }
                if (!conns[cfd] && !(conns[cfd] = malloc(sizeof **conns))) { close(cfd); continue; }
                conns[cfd]->len = 0;
                setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                struct epoll_event cev = { .events = EPOLLIN, .data.fd = cfd };
                epoll_ctl(ep, EPOLL_CTL_ADD, cfd, &cev);
            }
        }
    }
}
