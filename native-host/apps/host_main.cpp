// caselog-host: started by the browser with the native-messaging port on stdin/stdout.
int main() { return 0; }
