/* forking-server: a correct server that forks one child process per connection (the
 * classic Unix way). While a client is connected, its child process is alive, so whoever
 * stops the server must stop the whole process group, not only the parent.
 * Breaks: nothing.
 * Build: gcc -O2 -o server server.c */
#include <arpa/inet.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void die(const char *what) { perror(what); exit(1); }

static int is_hello(const char *s, size_t len) {   /* "Hello in X", X: 1-64 UTF-8 chars */
    char x[1026];
    if (len < 10 || len > 1024 || memcmp(s, "Hello in ", 9) != 0) return 0;
    for (size_t i = 9; i < len; i++)
        if ((unsigned char)s[i] <= ' ' || s[i] == 127) return 0;
    memcpy(x, s + 9, len - 9);
    x[len - 9] = 0;
    size_t n = mbstowcs(NULL, x, 0);
    return n >= 1 && n <= 64;
}

static void answer(int fd, char *line, size_t len) {
    char out[200];
    if (len > 0 && line[len - 1] == '\r') len--;
    if (is_hello(line, len)) {
        printf("%.*s\n", (int)len, line);
        fflush(stdout);
        snprintf(out, sizeof out, "Goodbye in C\n");
    } else {
        snprintf(out, sizeof out, "Error: expected \"Hello in <language>\", got \"%.*s\"\n",
                 (int)(len < 100 ? len : 100), line);
    }
    send(fd, out, strlen(out), MSG_NOSIGNAL);
}

static void client(int fd) {
    int quiet = 0;
    char buf[1027];
    size_t len = 0;
    struct timeval tv = { 0, 300000 };         /* recv() gives up after 300 ms of quiet */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (;;) {
        ssize_t n = recv(fd, buf + len, sizeof buf - len, 0);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            size_t l = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
            if (is_hello(buf, l)) { answer(fd, buf, len); break; }   /* hello without LF */
            if (++quiet > 100) break;          /* 30 s of silence */
            continue;
        }
        if (n <= 0) {                          /* FIN (maybe after a hello without LF) or reset */
            if (n == 0 && len > 0) answer(fd, buf, len);
            break;
        }
        len += n;
        quiet = 0;
        char *nl;
        while ((nl = memchr(buf, '\n', len)) != NULL) {
            size_t l = nl - buf;
            if (l > 0 && !(l == 1 && buf[0] == '\r')) break;
            len -= l + 1;                      /* an empty line: ignore it */
            memmove(buf, nl + 1, len);
        }
        if (nl != NULL) { answer(fd, buf, nl - buf); break; }
        if (len == sizeof buf) {               /* 1027 bytes and no LF: too long */
            send(fd, "Error: line longer than 1024 bytes\n", 35, MSG_NOSIGNAL);
            break;
        }
    }
    close(fd);
}

int main(int argc, char **argv) {
    int port = argc == 2 ? atoi(argv[1]) : 0, one = 1, zero = 0;
    if (port <= 0 || port > 65535) { fprintf(stderr, "usage: %s PORT\n", argv[0]); return 2; }
    setlocale(LC_ALL, "C.UTF-8");
    signal(SIGCHLD, SIG_IGN);                  /* no zombies: children are reaped for us */
    int ls = socket(AF_INET6, SOCK_STREAM, 0);
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(ls, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
    struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port), .sin6_addr = in6addr_any };
    if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, 64) < 0) die("listen");
    for (;;) {
        int fd = accept(ls, NULL, NULL);
        if (fd < 0) continue;
        if (fork() == 0) {                     /* child: serve this client, then exit */
            close(ls);
            client(fd);
            _exit(0);
        }
        close(fd);                             /* parent: back to accept() */
    }
}
