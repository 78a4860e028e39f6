// caselog: the command line over the same core as the host.
int main() { return 0; }
