my $s = 0;
for my $i (0..2999999) { $s += $i * $i % 7; }
print "$s\n";
