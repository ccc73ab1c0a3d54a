/* first-address-client: looks HOST up with getaddrinfo() (any family, as Beej's guide does) but
 * connects to the first address only, without the loop over res->ai_next. Where localhost is ::1
 * first and the server listens on 127.0.0.1 only, it gets "Connection refused" and gives up.
 * Breaks: CLI-HOSTNAME.
 * Build: gcc -O2 -o client client.c */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        return 2;
    }
    char host[256];
    snprintf(host, sizeof host, "%s", argv[1]);
    size_t hl = strlen(host);
    if (hl > 1 && host[0] == '[' && host[hl - 1] == ']') {   /* "[::1]" -> "::1" */
        memmove(host, host + 1, hl - 2);
        host[hl - 2] = 0;
    }
    struct addrinfo hints = {0}, *res;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(host, argv[2], &hints, &res);
    if (rc != 0) {
        fprintf(stderr, "client: %s: %s\n", host, gai_strerror(rc));
        return 1;
    }
    /* BUG: only the first address is tried */
    int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    struct timeval tv = { 10, 0 };
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, res->ai_addr, res->ai_addrlen) < 0) {
        fprintf(stderr, "client: cannot connect to %s port %s: %s\n", host, argv[2], strerror(errno));
        return 1;
    }
    freeaddrinfo(res);
    const char *hello = "Hello in C\n";
    send(fd, hello, strlen(hello), MSG_NOSIGNAL);
    char reply[1100];
    size_t len = 0;
    while (len < sizeof reply - 1 && memchr(reply, '\n', len) == NULL) {
        ssize_t n = recv(fd, reply + len, sizeof reply - 1 - len, 0);
        if (n < 0) {
            fprintf(stderr, "client: no reply from %s port %s: %s\n", host, argv[2], strerror(errno));
            return 1;
        }
        if (n == 0) break;
        len += n;
    }
    close(fd);
    if (len == 0) {
        fprintf(stderr, "client: the server closed the connection without a reply\n");
        return 1;
    }
    char *nl = memchr(reply, '\n', len);
    size_t l = nl ? (size_t)(nl - reply) : len;
    if (l > 0 && reply[l - 1] == '\r') l--;
    printf("%.*s\n", (int)l, reply);
    return 0;
}
