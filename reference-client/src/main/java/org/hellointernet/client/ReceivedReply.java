package org.hellointernet.client;

/**
 * What {@link HelloClientHandler} hands back to {@link HelloClient}: the reply line and what followed it.
 *
 * @param line       the first line the server sent
 * @param afterReply what the server did after it
 * @param atNanos    {@link System#nanoTime()} when the reply line was complete
 */
record ReceivedReply(ReplyLine line, AfterReply afterReply, long atNanos) {}
