// HelloInternet client in C
// usage: ./helloC HOST PORT
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>

int main(int argc, char *argv[]) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        exit(1);
    }
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;     // IPv4 or IPv6
    hints.ai_socktype = SOCK_STREAM;
    int err = getaddrinfo(argv[1], argv[2], &hints, &res);
    if (err != 0) {
        fprintf(stderr, "getaddrinfo: %s\n", gai_strerror(err));
        exit(1);
    }
    int sock = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (connect(sock, res->ai_addr, res->ai_addrlen) == -1) {
        fprintf(stderr, "could not connect to %s:%s\n", argv[1], argv[2]);
        exit(1);
    }
    freeaddrinfo(res);

    struct timeval tv = {10, 0};
    setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);

    char *msg = "Hello in C\n";
    send(sock, msg, strlen(msg), 0);

    char buf[1024];
    int total = 0, n;
    while ((n = recv(sock, buf + total, sizeof(buf) - 1 - total, 0)) > 0) {
        total += n;
    }
    if (total == 0) {
        fprintf(stderr, "no reply from server\n");
        exit(1);
    }
    buf[total] = '\0';
    printf("%s", buf);
    if (buf[total - 1] != '\n') printf("\n");
    close(sock);
    return 0;
}
