/** Safety: pure rules for what the app says when pain is high or rises. No DOM. */
export * from './pain-rules';
export * from './welcome';
