// The name the manifest's LaunchEvent gives the OnMessageSend handler (FunctionName).
export const HANDLER_NAME = 'onMessageSendHandler';
