my @xs = map { $_ * 3 % 11 } 0..1999999;
my $s = 0; $s += $_ for @xs;
print scalar(@xs), " $s\n";
