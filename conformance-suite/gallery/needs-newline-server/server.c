/* needs-newline-server: one thread per connection, reads byte by byte until LF. A hello
 * without LF is never answered: if the client waits, the server waits too; if the client
 * half-closes, read() returns 0 and the connection is closed without a reply.
 * Breaks: SRV-HALF-CLOSE, SRV-NO-LF-HELLO.
 * Build: gcc -O2 -pthread -o server server.c */
#include <arpa/inet.h>
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
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

static void *client(void *arg) {
    int fd = (int)(intptr_t)arg;
    char line[1026], c;
    for (;;) {
        size_t len = 0;
        ssize_t n;
        while ((n = read(fd, &c, 1)) == 1 && c != '\n' && len < sizeof line)
            line[len++] = c;                   /* BUG: only an LF ends the hello */
        if (len == sizeof line) {
            send(fd, "Error: line longer than 1024 bytes\n", 35, MSG_NOSIGNAL);
            break;
        }
        if (n != 1) break;                     /* BUG: FIN: give up, even on "Hello in X" */
        if (len == 0 || (len == 1 && line[0] == '\r')) continue;   /* empty line */
        answer(fd, line, len);
        break;
    }
    close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    int port = argc == 2 ? atoi(argv[1]) : 0, one = 1, zero = 0;
    if (port <= 0 || port > 65535) { fprintf(stderr, "usage: %s PORT\n", argv[0]); return 2; }
    setlocale(LC_ALL, "C.UTF-8");
    int ls = socket(AF_INET6, SOCK_STREAM, 0);
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(ls, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
    struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port), .sin6_addr = in6addr_any };
    if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, 64) < 0) die("listen");
    for (;;) {
        int fd = accept(ls, NULL, NULL);
        pthread_t t;
        if (fd < 0) continue;
        pthread_create(&t, NULL, client, (void *)(intptr_t)fd);
        pthread_detach(t);
    }
}
