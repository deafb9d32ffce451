<?php
$s = 0;
for ($i = 0; $i < 3000000; $i++) { $s += $i * $i % 7; }
echo $s, "\n";
