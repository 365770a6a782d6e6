// Requests Node's HTTP parser refuses before Koa sees them (headers too large, malformed request line) still get
// the product's JSON error shape instead of a bare status line.
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorDTO } from './presenters/dto.ts';

function answerFor(code: string | undefined): [number, ErrorDTO] {
  const error = (status: number, c: string, message: string, messageVi: string): [number, ErrorDTO] => [
    status,
    { error: { code: c, message, messageVi } },
  ];
  if (code === 'HPE_HEADER_OVERFLOW')
    return error(431, 'headers_too_large', 'Request headers are too large', 'Phần đầu yêu cầu quá lớn');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return error(408, 'request_timeout', 'The request took too long to arrive', 'Yêu cầu gửi quá chậm');
  return error(400, 'bad_request', 'Malformed HTTP request', 'Yêu cầu HTTP không hợp lệ');
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, dto] = answerFor(err.code);
    const body = JSON.stringify(dto);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
