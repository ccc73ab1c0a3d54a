/* literal-only-client: converts HOST with inet_pton(), IPv6 first, then IPv4, so "::1",
 * "[::1]" and "127.0.0.1" work, but a host name such as "localhost" is rejected with
 * "not an IP address".
 * Breaks: CLI-HOSTNAME.
 * Build: gcc -O2 -o client client.c */
#include <errno.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char host[256], reply[1100];
    if (argc != 3 || strlen(argv[1]) >= sizeof host || strspn(argv[2], "0123456789") != strlen(argv[2])) {
        fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        return 2;
    }
    strcpy(host, argv[1]);
    size_t hl = strlen(host);
    if (hl > 1 && host[0] == '[' && host[hl - 1] == ']') {   /* "[::1]" -> "::1" */
        memmove(host, host + 1, hl - 2);
        host[hl - 2] = 0;
    }
    struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons(atoi(argv[2])) };
    struct sockaddr_in a4 = { .sin_family = AF_INET, .sin_port = htons(atoi(argv[2])) };
    struct sockaddr *sa = (struct sockaddr *)&a6;
    socklen_t salen = sizeof a6;
    if (inet_pton(AF_INET6, host, &a6.sin6_addr) != 1) {      /* BUG: no getaddrinfo() */
        if (inet_pton(AF_INET, host, &a4.sin_addr) != 1) {
            fprintf(stderr, "client: %s is not an IP address\n", host);
            return 1;
        }
        sa = (struct sockaddr *)&a4;
        salen = sizeof a4;
    }
    struct timeval tv = { 10, 0 };             /* SO_SNDTIMEO also limits connect() on Linux */
    int fd = socket(sa->sa_family, SOCK_STREAM, 0);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, sa, salen) < 0) {
        fprintf(stderr, "client: cannot connect to %s port %s: %s\n", host, argv[2], strerror(errno));
        return 1;
    }
    const char *hello = "Hello in C\n";
    send(fd, hello, strlen(hello), MSG_NOSIGNAL);
    size_t len = 0;
    while (len < sizeof reply - 1 && memchr(reply, '\n', len) == NULL) {
        ssize_t n = recv(fd, reply + len, sizeof reply - 1 - len, 0);
        if (n < 0) {
            fprintf(stderr, "client: no reply from %s port %s: %s\n", host, argv[2], strerror(errno));
            return 1;
        }
        if (n == 0) break;                     /* server closed: the reply is complete */
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
