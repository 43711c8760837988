// Every test runs with the shipped matcher's prebuilt data, as the CLI and the taskpane do; without
// it each test file that scans a body would compile the lists itself (about half a second).
import '../../src/core/indicators/with-shipped-data';
