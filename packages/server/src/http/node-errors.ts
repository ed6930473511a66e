import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ProblemCode } from '@mpp-kit/core';
import type { Logger } from '../log.js';
import { problemBody } from './problem.js';

/** Node's HTTP parser errors that have an answer, by their code. */
const ANSWERS: Record<string, [number, ProblemCode]> = {
  HPE_HEADER_OVERFLOW: [431, 'header_too_large'],
  HPE_INVALID_METHOD: [405, 'method_not_allowed'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [400, 'bad_request'],
  HPE_UNEXPECTED_CONTENT_LENGTH: [400, 'bad_request'],
};

/**
 * Requests Node refuses before any handler sees them (a header block too large, bad framing, an
 * unknown method) are answered as problem+json too, where the socket still takes an answer; a
 * client that went away is not an error of ours and is not logged as one.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const code = String(err.code ?? '');
    if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, problem] = ANSWERS[code] ?? [400, 'bad_request'];
    logger.info('client_error', { status, parser: code });
    const body = JSON.stringify(problemBody(status, problem, undefined, '/'));
    const reason = status === 431 ? 'Request Header Fields Too Large' : status === 405 ? 'Method Not Allowed' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
