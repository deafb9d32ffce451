<?php
$s = 0;
for ($i = 0; $i < 1000; $i++) { $s += $i * $i; }
echo $s, "\n";
