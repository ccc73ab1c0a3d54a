// A HelloInternet client in C++: tries every address HOST resolves to, prints the reply line.
#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: client HOST PORT" << std::endl;
        return 2;
    }
    std::string host = argv[1];
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    addrinfo hints{}, *res;
    hints.ai_socktype = SOCK_STREAM;
    if (int err = getaddrinfo(host.c_str(), argv[2], &hints, &res)) {
        std::cerr << "client: " << host << ": " << gai_strerror(err) << std::endl;
        return 1;
    }
    int fd = -1;
    for (addrinfo* a = res; a && fd < 0; a = a->ai_next) {
        fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) < 0) { close(fd); fd = -1; }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        std::cerr << "client: cannot connect to " << host << " port " << argv[2] << std::endl;
        return 1;
    }
    timeval limit{10, 0}; // give up on a server that never answers
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    std::string hello = "Hello in C++\n", reply;
    send(fd, hello.data(), hello.size(), MSG_NOSIGNAL);
    char buf[1024];
    ssize_t n;
    while (reply.find('\n') == std::string::npos && (n = recv(fd, buf, sizeof buf, 0)) > 0) reply.append(buf, n);
    close(fd);
    if (reply.empty()) {
        std::cerr << "client: no reply" << std::endl;
        return 1;
    }
    reply = reply.substr(0, reply.find('\n'));
    if (!reply.empty() && reply.back() == '\r') reply.pop_back();
    std::cout << reply << std::endl;
    return 0;
}
