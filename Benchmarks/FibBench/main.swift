import FibBenchCore

FibBenchCommand.main()
